using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds;

namespace BotHost.Core.Collecting;

/// <summary>The host's <see cref="IFeedDocumentParser"/>: BotHost's own <see cref="FeedParser"/>.</summary>
internal sealed class FeedParserAdapter(FeedParser parser) : IFeedDocumentParser
{
    public ParsedFeed Parse(byte[] body, FeedParseContext context, CancellationToken cancellationToken) =>
        parser.Parse(body, context, cancellationToken);
}
