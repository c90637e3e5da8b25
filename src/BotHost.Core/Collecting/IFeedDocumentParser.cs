using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds;

namespace BotHost.Core.Collecting;

/// <summary>
/// The collector's view of the feed parser: a fetched body in, its items out. The host uses
/// <see cref="FeedParser"/>; tests stand in a parse that throws or never ends.
/// </summary>
public interface IFeedDocumentParser
{
    /// <summary>Synchronous and CPU-bound; stops with <see cref="OperationCanceledException"/> when it notices <paramref name="cancellationToken"/>.</summary>
    /// <exception cref="NotAFeedException">The document is an HTML page.</exception>
    /// <exception cref="FeedFormatException">The document is not a readable feed.</exception>
    ParsedFeed Parse(byte[] body, FeedParseContext context, CancellationToken cancellationToken);
}
