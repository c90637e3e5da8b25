namespace BotHost.Core.Feeds.Parsing;

/// <summary>Where a document came from: the base for relative links and the HTTP Content-Type, if any.</summary>
public sealed record FeedParseContext(Uri? SourceUri, string? ContentType = null);
