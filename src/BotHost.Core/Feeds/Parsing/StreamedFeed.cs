namespace BotHost.Core.Feeds.Parsing;

/// <summary>What a streaming parse reports once its items have all gone to the <see cref="IFeedItemSink"/>.</summary>
/// <param name="Errors">As in <see cref="ParsedFeed.Errors"/>: what broke, what was repaired, what was skipped.</param>
public sealed record StreamedFeed(
    FeedFormat Format,
    string? Title,
    string? SiteUrl,
    int ItemCount,
    IReadOnlyList<string> Errors,
    string? Version = null);
