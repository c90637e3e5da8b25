namespace BotHost.Core.Stories;

/// <summary>The topics file is malformed; the message names the file and the entry to fix.</summary>
public sealed class TopicsFileException(string message, Exception? inner = null) : Exception(message, inner);
