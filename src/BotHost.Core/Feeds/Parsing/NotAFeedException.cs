namespace BotHost.Core.Feeds.Parsing;

/// <summary>The document is an HTML page (or other non-feed); lists the feed URLs the page advertises.</summary>
public sealed class NotAFeedException(string message, IReadOnlyList<string> advertisedFeeds) : Exception(message)
{
    public IReadOnlyList<string> AdvertisedFeeds { get; } = advertisedFeeds;

    internal static NotAFeedException ForHtmlPage(string html, Uri? pageUri)
    {
        var feeds = HtmlFeedLinks.Find(html, pageUri);
        var message = feeds.Count == 0
            ? "The document is an HTML page, not a feed, and it advertises no feed (<link rel=\"alternate\">)."
            : $"The document is an HTML page, not a feed; it advertises {feeds.Count} feed(s): {string.Join(", ", feeds)}.";
        return new NotAFeedException(message, feeds);
    }
}
