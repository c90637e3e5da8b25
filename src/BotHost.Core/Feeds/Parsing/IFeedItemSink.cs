namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Receives a feed's items one by one as they are read, for callers that must not hold a large feed whole
/// (inspect-feed prints each item as it comes; <see cref="FeedParser.Parse(Stream, FeedParseContext, CancellationToken)"/> collects them).
/// </summary>
public interface IFeedItemSink
{
    /// <summary>Called once, before the first item (or at the end when there is none), when the format is known.</summary>
    /// <param name="title">The feed's title if it came before the first item (it usually does), else null.</param>
    void Begin(FeedFormat format, string? title);

    void Add(FeedItem item);
}
