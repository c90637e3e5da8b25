namespace BotHost.Core.Feeds;

/// <summary>
/// What a parse produced. A malformed document keeps the items read before the break and says why
/// in <see cref="Errors"/>; recoverable oddities are reported there too.
/// </summary>
public sealed record ParsedFeed(
    FeedFormat Format,
    string? Title,
    string? SiteUrl,
    IReadOnlyList<FeedItem> Items,
    IReadOnlyList<string> Errors);
