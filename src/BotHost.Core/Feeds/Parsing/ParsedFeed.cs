namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// What a parse produced. A malformed document keeps the items read before the break and says why
/// in <see cref="Errors"/>; recoverable oddities are reported there too.
/// </summary>
/// <param name="Version">The version the document states ("0.91", "2.0", "1.0", "0.3", "1", "1.1"), or null.</param>
public sealed record ParsedFeed(
    FeedFormat Format,
    string? Title,
    string? SiteUrl,
    IReadOnlyList<FeedItem> Items,
    IReadOnlyList<string> Errors,
    string? Version = null);
