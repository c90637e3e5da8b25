using System.Text;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

/// <summary>The streaming parse behind inspect-feed: items go to a sink as they are read, each exactly once.</summary>
public sealed class FeedParserStreamingTests
{
    [Fact]
    public void Parse_WithSink_SaysFormatAndTitleFirstThenDeliversEachItemInOrder()
    {
        var sink = new RecordingSink();
        using var stream = Stream(FeedTestFiles.Rss(Items(1, 2, 3)));

        var feed = new FeedParser().Parse(stream, new FeedParseContext(FeedTestFiles.Source), sink, TestContext.Current.CancellationToken);

        Assert.Equal(["begin rss2 T", "Item 1", "Item 2", "Item 3"], sink.Events);
        Assert.Equal(3, feed.ItemCount);
        Assert.Equal("T", feed.Title);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_WithSink_WhenTheStrictReadBreaksLate_DeliversNoItemTwice()
    {
        // The bare '&' stops the strict read after two items; the repaired re-read must not send those two again.
        var xml = FeedTestFiles.Rss(Items(1, 2) + "<item><title>Q&A 3</title><link>https://site.example.test/3</link></item>" + Items(4, 5));
        var sink = new RecordingSink();
        using var stream = Stream(xml);

        var feed = new FeedParser().Parse(stream, new FeedParseContext(FeedTestFiles.Source), sink, TestContext.Current.CancellationToken);

        Assert.Equal(["begin rss2 T", "Item 1", "Item 2", "Q&A 3", "Item 4", "Item 5"], sink.Events);
        Assert.Equal(5, feed.ItemCount);
        Assert.Equal("Escaped 1 bare '&' that started no entity reference (XML requires &amp;).", Assert.Single(feed.Errors));
    }

    [Fact]
    public void Parse_WithSink_WhenNoItem_StillSaysFormatAndTitle()
    {
        var sink = new RecordingSink();
        using var stream = Stream(FeedTestFiles.Rss(string.Empty));

        var feed = new FeedParser().Parse(stream, new FeedParseContext(FeedTestFiles.Source), sink, TestContext.Current.CancellationToken);

        Assert.Equal(["begin rss2 T"], sink.Events);
        Assert.Equal(0, feed.ItemCount);
    }

    [Fact]
    public void Parse_WhenJsonFeedListsItemsBeforeItsVersion_DeliversThemOnlyAfterTheVersionChecks()
    {
        const string json = """{"items":[{"id":"1","title":"One","url":"https://site.example.test/1"}],"version":"https://jsonfeed.org/version/1.1","title":"J"}""";
        var sink = new RecordingSink();
        using var stream = Stream(json);

        var feed = new FeedParser().Parse(stream, new FeedParseContext(FeedTestFiles.Source), sink, TestContext.Current.CancellationToken);

        Assert.Equal(["begin jsonfeed J", "One"], sink.Events);
        Assert.Equal("1.1", feed.Version);
    }

    [Fact]
    public void Parse_WhenJsonListsItemsButIsNoJsonFeed_DeliversNothingBeforeRefusing()
    {
        var sink = new RecordingSink();
        using var stream = Stream("""{"items":[{"id":"1","title":"One"}],"version":"2"}""");

        Assert.Throws<FeedFormatException>(() => new FeedParser().Parse(stream, new FeedParseContext(FeedTestFiles.Source), sink, TestContext.Current.CancellationToken));

        Assert.Empty(sink.Events);
    }

    private static string Items(params int[] numbers) =>
        string.Concat(numbers.Select(n => $"<item><title>Item {n}</title><link>https://site.example.test/{n}</link></item>"));

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private sealed class RecordingSink : IFeedItemSink
    {
        public List<string> Events { get; } = [];

        public void Begin(FeedFormat format, string? title) => Events.Add($"begin {format.ToWireName()} {title}");

        public void Add(FeedItem item) => Events.Add(item.Title);
    }
}
