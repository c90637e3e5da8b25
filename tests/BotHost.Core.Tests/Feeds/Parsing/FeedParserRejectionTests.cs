using System.Text;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

public sealed class FeedParserRejectionTests
{
    [Fact]
    public void Parse_WhenHtmlPage_ThrowsNotAFeedListingAdvertisedFeedsAsAbsoluteUrls()
    {
        var bytes = FeedTestFiles.Read("html-page.html");

        var error = Assert.Throws<NotAFeedException>(() =>
            new FeedParser().Parse(bytes, new FeedParseContext(new Uri("https://blog.example.com/posts/"), "text/html; charset=utf-8"), TestContext.Current.CancellationToken));

        Assert.Contains("HTML page, not a feed", error.Message, StringComparison.Ordinal);
        Assert.Equal(
            ["https://blog.example.com/feed.xml", "https://blog.example.com/atom.xml", "https://blog.example.com/posts/feed.json"],
            error.AdvertisedFeeds);
    }

    [Fact]
    public void Parse_WhenHtmlPageAdvertisesNothing_SaysSoWithEmptyList()
    {
        var error = Assert.Throws<NotAFeedException>(() => FeedTestFiles.ParseText("<html><head><title>x</title></head><body>hi</body></html>"));

        Assert.Empty(error.AdvertisedFeeds);
        Assert.Contains("advertises no feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenEmpty_ThrowsFeedFormatExceptionSayingEmpty()
    {
        var error = Assert.Throws<FeedFormatException>(() => new FeedParser().Parse([], new FeedParseContext(null), TestContext.Current.CancellationToken));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenOnlyWhitespace_ThrowsFeedFormatException()
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedTestFiles.ParseText(" \r\n\t "));

        Assert.Contains("only whitespace", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenGzipBytes_ThrowsFeedFormatExceptionNamingCompression()
    {
        byte[] gzip = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x02];

        var error = Assert.Throws<FeedFormatException>(() => new FeedParser().Parse(gzip, new FeedParseContext(null), TestContext.Current.CancellationToken));

        Assert.Contains("gzip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenRandomBinary_ThrowsFeedFormatExceptionOnOneLine()
    {
        var random = new Random(1234);
        var bytes = new byte[256];
        random.NextBytes(bytes);
        bytes[0] = (byte)'<';

        var error = Assert.Throws<FeedFormatException>(() => new FeedParser().Parse(bytes, new FeedParseContext(null), TestContext.Current.CancellationToken));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Parse_WhenUnknownXmlRoot_ThrowsFeedFormatExceptionNamingTheRoot()
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedTestFiles.ParseText("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"));

        Assert.Contains("<svg>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenPlainText_ThrowsFeedFormatExceptionQuotingTheStart()
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedTestFiles.ParseText("404 page not found"));

        Assert.Contains("\"404 page not found\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenJsonIsNotAJsonFeed_ThrowsFeedFormatExceptionAboutVersion()
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedTestFiles.ParseText("""{"version":"2","items":[]}"""));

        Assert.Contains("not a JSON Feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenXmlBreaksBeforeRoot_ThrowsFeedFormatException()
    {
        var error = Assert.Throws<FeedFormatException>(() => FeedTestFiles.ParseText("<?xml version=\"1.0\"?><<rss>"));

        Assert.Contains("not well-formed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenFeedIsTruncated_KeepsItemsBeforeTheBreakAndReportsIt()
    {
        var feed = FeedTestFiles.ParseFile("truncated.xml");

        Assert.Equal(["First intact item", "Second intact item"], feed.Items.Select(i => i.Title));
        Assert.Contains(feed.Errors, e => e.Contains("malformed", StringComparison.Ordinal) && e.Contains("2 item(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenBadTagInTheMiddle_KeepsItemsBeforeAndAfterIt()
    {
        var xml = FeedTestFiles.Rss("<item><title>Good</title><link>https://site.example.test/1</link></item>"
            + "<item><title>Bad</title></titel></item><item><title>Read again</title></item>");

        var feed = FeedTestFiles.ParseText(xml);

        Assert.Equal(["Good", "Read again"], feed.Items.Select(i => i.Title));
        Assert.Equal(2, feed.Errors.Count);
        Assert.Contains(feed.Errors, e => e.Contains("malformed", StringComparison.Ordinal) && e.Contains("'titel'", StringComparison.Ordinal)
            && e.Contains("item it was in could not be read", StringComparison.Ordinal));
        Assert.Contains(feed.Errors, e => e.Contains("Read 1 more item(s) after the break", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenUnknownEntityInAnItem_KeepsItAsLiteralTextAndSaysSo()
    {
        var xml = FeedTestFiles.Rss("<item><title>Good&nbsp;one</title></item><item><title>&bogus; news</title></item>");

        var feed = FeedTestFiles.ParseText(xml);

        Assert.Equal(["Good one", "&bogus; news"], feed.Items.Select(i => i.Title));
        Assert.Contains(feed.Errors, e => e.Contains("&bogus;", StringComparison.Ordinal) && e.Contains("literal text", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenJsonFeedIsTruncated_KeepsItemsBeforeTheBreak()
    {
        var json = """{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"One"},{"id":"2","title":"Tw""";

        var feed = FeedTestFiles.ParseText(json);

        Assert.Equal("One", Assert.Single(feed.Items).Title);
        Assert.Contains(feed.Errors, e => e.Contains("malformed", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenGivenANonSeekableStream_ReadsItToTheEnd()
    {
        using var stream = new NonSeekableStream(FeedTestFiles.Read("rss2.xml"));

        var feed = new FeedParser().Parse(stream, new FeedParseContext(FeedTestFiles.Source), TestContext.Current.CancellationToken);

        Assert.Equal(2, feed.Items.Count);
    }

    [Fact]
    public void Parse_WhenGivenAMemoryStreamAtAnOffset_ReadsFromItsPosition()
    {
        var bytes = Encoding.UTF8.GetBytes("garbage" + FeedTestFiles.Rss("<item><title>A</title></item>"));
        using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true) { Position = 7 };

        var feed = new FeedParser().Parse(stream, new FeedParseContext(FeedTestFiles.Source), TestContext.Current.CancellationToken);

        Assert.Equal("A", Assert.Single(feed.Items).Title);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
