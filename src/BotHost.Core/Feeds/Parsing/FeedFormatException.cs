namespace BotHost.Core.Feeds.Parsing;

/// <summary>The document could not be read as a feed at all (empty, binary, broken before any item).</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
