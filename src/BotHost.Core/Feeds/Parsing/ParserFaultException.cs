namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// The parser broke one of its own rules (a handler claimed an element without reading it, a parse ran past its
/// step budget). Thrown only where faults are set to throw (tests, debug builds); production records them instead.
/// </summary>
internal class ParserFaultException(string message) : InvalidOperationException(message);
