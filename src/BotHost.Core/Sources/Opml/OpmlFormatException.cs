namespace BotHost.Core.Sources.Opml;

/// <summary>The file cannot be read as OPML at all (not XML, a DTD, too large, too deep, no body); the message says what to fix.</summary>
public sealed class OpmlFormatException(string message, Exception? inner = null) : Exception(message, inner);
