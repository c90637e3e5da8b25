using System.Text;
using System.Xml;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

public sealed class FeedParserSafetyTests
{
    [Fact]
    public void Parse_WhenBillionLaughs_RefusesWithoutExpandingEntities()
    {
        var bytes = FeedTestFiles.Read("billion-laughs.xml");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<FeedFormatException>(() => new FeedParser().Parse(bytes, new FeedParseContext(FeedTestFiles.Source), TestContext.Current.CancellationToken));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("declares entities", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 10 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Parse_WhenExternalEntityDeclared_RefusesWithoutReadingTheFile()
    {
        var bytes = FeedTestFiles.Read("xxe.xml");

        var error = Assert.Throws<FeedFormatException>(() => new FeedParser().Parse(bytes, new FeedParseContext(FeedTestFiles.Source), TestContext.Current.CancellationToken));

        Assert.Contains("external-entity", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenExternalDtdDefinesAnEntity_NeverFetchesItAndKeepsTheReferenceAsText()
    {
        var feed = FeedTestFiles.ParseFile("xxe-external-dtd.xml");

        Assert.Equal(["Safe item", "&xxe;"], feed.Items.Select(i => i.Title));
        Assert.Contains(feed.Errors, e => e.Contains("&xxe;", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenEntityDeclarationsHideBeyondTheSniffedHead_ReaderStillNeverExpandsThem()
    {
        // Defence in depth: even if the prolog check missed a DOCTYPE, the XmlReader settings ignore it.
        var padding = new string(' ', 20_000);
        var xml = "<?xml version=\"1.0\"?><!--" + padding + "-->" + File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Feeds", "billion-laughs.xml"))
            .Replace("<?xml version=\"1.0\"?>", string.Empty, StringComparison.Ordinal);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var feed = new FeedParser().Parse(Encoding.UTF8.GetBytes(xml), new FeedParseContext(FeedTestFiles.Source), TestContext.Current.CancellationToken);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("&lol9;", Assert.Single(feed.Items).Title);
        Assert.Contains(feed.Errors, e => e.Contains("literal text (&lol;", StringComparison.Ordinal));
        Assert.True(allocated < 10 * 1024 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Parse_HugeTitleAndTooManyItemsAndCategories_AreCappedWithAnError()
    {
        var item = "<item><title>" + string.Concat(Enumerable.Repeat(" | by a", 8000)) + "</title><link>https://example.com/a</link>"
            + string.Concat(Enumerable.Range(0, 100).Select(i => $"<category>c{i}</category>")) + "</item>";
        var others = string.Concat(Enumerable.Range(0, 1100).Select(i => $"<item><title>Item number {i}</title><link>https://example.com/{i}</link></item>"));
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>" + item + others + "</channel></rss>";

        var feed = new FeedParser().Parse(System.Text.Encoding.UTF8.GetBytes(xml), new FeedParseContext(new Uri("https://example.com/feed")), TestContext.Current.CancellationToken);

        Assert.Equal(1000, feed.Items.Count);
        Assert.True(feed.Items[0].Title.Length <= 512);
        Assert.Equal(32, feed.Items[0].Categories.Count);
        Assert.Contains(feed.Errors, e => e.Contains("more than 1000 items", StringComparison.Ordinal));
    }
}
