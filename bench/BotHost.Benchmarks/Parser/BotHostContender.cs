using BotHost.Core.Feeds.Parsing;

namespace BotHost.Benchmarks.Parser;

/// <summary>
/// BotHost's own parser with the item cap lifted. Streamed (the default key "bothost"): each item goes to a sink that
/// reads its fields, as inspect-feed writes them; kept ("bothost_parsedfeed"): the collector's ParsedFeed, all items
/// held, as SyndicationFeed and CodeHollow hold theirs.
/// </summary>
public sealed class BotHostContender(bool streamed = true) : FeedContender
{
    private static readonly FeedParseContext Context = new(new Uri("https://news.example.net/feed.xml"));
    private readonly FeedParser _parser = new(summaryMaxLength: 280, maxItems: int.MaxValue);

    public override string Name => streamed ? "BotHost FeedParser" : "BotHost (ParsedFeed)";

    public override string Key => streamed ? "bothost" : "bothost_parsedfeed";

    public override bool Reads(CorpusFormat format) => true;

    public override int Parse(byte[] document, CorpusFormat format)
    {
        using var stream = new MemoryStream(document, 0, document.Length, writable: false, publiclyVisible: true);
        IReadOnlyList<string> errors;
        int items;
        if (streamed)
        {
            var sink = new FieldReader();
            var feed = _parser.Parse(stream, Context, sink);
            (errors, items) = (feed.Errors, feed.ItemCount);
        }
        else
        {
            var feed = _parser.Parse(stream, Context);
            (errors, items) = (feed.Errors, feed.Items.Count);
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"BotHost reported errors on a clean generated {format} feed: {errors[0]}");
        }

        return items;
    }

    /// <summary>Reads the same fields the other contenders' loops read, and keeps nothing.</summary>
    private sealed class FieldReader : IFeedItemSink
    {
        public long Touched { get; private set; }

        public void Begin(FeedFormat format, string? title)
        {
        }

        public void Add(FeedItem item) =>
            Touched += item.Id.Length + item.Title.Length + (item.Url?.Length ?? 0) + item.SummaryText.Length
                + item.Categories.Sum(c => c.Length) + (item.Published?.Minute ?? 0);
    }
}
