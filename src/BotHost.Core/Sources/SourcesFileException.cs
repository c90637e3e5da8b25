namespace BotHost.Core.Sources;

/// <summary>The sources file is missing or malformed; the message names the file and the entry to fix.</summary>
public sealed class SourcesFileException(string message, Exception? inner = null) : Exception(message, inner);
