namespace BotHost.Core.Feeds.Parsing;

/// <summary>The document is an HTML page (or other non-feed); lists the feed URLs the page advertises.</summary>
public sealed class NotAFeedException(string message, IReadOnlyList<string> advertisedFeeds) : Exception(message)
{
    public IReadOnlyList<string> AdvertisedFeeds { get; } = advertisedFeeds;
}
