using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

/// <summary>
/// Issue 8 §2: documents that browsers and other readers show, which once parsed to zero items (sometimes with no
/// error at all). Each case lists the items it must yield and the repair it must report.
/// </summary>
public sealed class FeedParserLossTests
{
    private const string Items =
        "<item><title>First post</title><link>https://site.example.test/1</link></item>"
        + "<item><title>Second post</title><link>https://site.example.test/2</link></item>";

    [Theory]
    [InlineData("http://example.com/whatever")]
    [InlineData("default")]
    public void Parse_WhenRssRootDeclaresADefaultNamespace_ReadsItsItemsAndSaysSo(string ns)
    {
        var feed = FeedTestFiles.ParseText($"""<rss version="2.0" xmlns="{ns}"><channel><title>T</title>{Items}</channel></rss>""");

        Assert.Equal(["First post", "Second post"], feed.Items.Select(i => i.Title));
        Assert.Equal("T", feed.Title);
        Assert.Equal($"The <rss> root declares the default namespace '{ns}', which RSS does not define; read its elements as RSS.", Assert.Single(feed.Errors));
    }

    [Fact]
    public void Parse_WhenRssRootUsesTheUserLandNamespace_ReadsItemsCleanly()
    {
        var feed = FeedTestFiles.ParseText($"""<rss version="2.0" xmlns="http://backend.userland.com/rss2"><channel><title>T</title>{Items}</channel></rss>""");

        Assert.Equal(["First post", "Second post"], feed.Items.Select(i => i.Title));
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_WhenItemUsesAnUndeclaredConventionalPrefix_ReadsItAsThatModule()
    {
        var feed = FeedTestFiles.ParseText("""
            <rss version="2.0"><channel><title>T</title>
            <item><title>One</title><link>https://site.example.test/1</link><dc:creator>Ann</dc:creator><dc:date>2025-06-10T04:00:00Z</dc:date></item>
            <item><title>Two</title><link>https://site.example.test/2</link><content:encoded>&lt;p&gt;Body two&lt;/p&gt;</content:encoded></item>
            </channel></rss>
            """);

        Assert.Equal(["One", "Two"], feed.Items.Select(i => i.Title));
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 4, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal("Body two", feed.Items[1].SummaryText);
        Assert.Equal(
            "Read 2 namespace prefix(es) the document uses without declaring (dc:, content:) as the namespaces they conventionally name.",
            Assert.Single(feed.Errors));
    }

    [Fact]
    public void Parse_WhenItemUsesAnUnknownUndeclaredPrefix_KeepsTheItemAndNamesThePrefix()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(
            "<item><title>One</title><link>https://site.example.test/1</link><foo:rating foo:scale=\"5\">4</foo:rating></item>"));

        Assert.Equal("One", Assert.Single(feed.Items).Title);
        Assert.Contains("(foo:)", Assert.Single(feed.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenTitleAndLinkHoldBareAmpersands_EscapesThemAndSaysHowMany()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(
            "<item><title>Q&A Weekly</title><link>https://site.example.test/?a=1&b=2</link></item>" + Items));

        Assert.Equal(["Q&A Weekly", "First post", "Second post"], feed.Items.Select(i => i.Title));
        Assert.Equal("https://site.example.test/?a=1&b=2", feed.Items[0].Url);
        Assert.Equal("Escaped 2 bare '&' that started no entity reference (XML requires &amp;).", Assert.Single(feed.Errors));
    }

    [Fact]
    public void Parse_WhenHtmlNamedEntitiesAppearOutsideCdata_ReadsThemAsHtmlDoesAndSaysSo()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(
            "<item><title>Caf&eacute;&nbsp;culture &mdash; a review</title><link>https://site.example.test/1</link></item>" + Items));

        Assert.Equal(["Café culture — a review", "First post", "Second post"], feed.Items.Select(i => i.Title));
        Assert.Equal(
            "Read 3 HTML named entities that XML does not define as the characters HTML gives them (&eacute;, &nbsp;, &mdash;).",
            Assert.Single(feed.Errors));
    }

    [Fact]
    public void Parse_WhenCdataHoldsAmpersandsAndAngleBrackets_LeavesThemAloneWithoutRepairNotes()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(
            "<item><title><![CDATA[Q&A: is a < b?]]></title><link>https://site.example.test/1</link></item>"));

        Assert.Equal("Q&A: is a < b?", Assert.Single(feed.Items).Title);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_WhenTitleHasABareLessThan_EscapesItAndKeepsTheItem()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss("<item><title>Why a < b matters</title><link>https://site.example.test/1</link></item>" + Items));

        Assert.Equal(["Why a < b matters", "First post", "Second post"], feed.Items.Select(i => i.Title));
        Assert.Equal("Escaped 1 '<' that started no markup (XML requires &lt;).", Assert.Single(feed.Errors));
    }

    [Fact]
    public void Parse_WhenAnItemIsNeverClosed_ReadsItAndEveryItemAfterIt()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(
            "<item><title>Unclosed</title><link>https://site.example.test/0</link>" + Items));

        Assert.Equal(["Unclosed", "First post", "Second post"], feed.Items.Select(i => i.Title));
        Assert.Contains(feed.Errors, e => e.StartsWith("An <item> before line 1 is never closed", StringComparison.Ordinal));
        Assert.Contains(feed.Errors, e => e.StartsWith("Read 2 more item(s) after the break one by one", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenItemsSitInANamespaceTheFormatDoesNotDefine_ReadsThemAndSaysSo()
    {
        // RSS 1.1 (never adopted) moved RDF's items into its own namespace.
        var feed = FeedTestFiles.ParseText("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/net/rss1.1#">
            <channel rdf:about="https://site.example.test/"><title>T</title></channel>
            <item rdf:about="https://site.example.test/1"><title>First post</title><link>https://site.example.test/1</link></item>
            </rdf:RDF>
            """);

        Assert.Equal("First post", Assert.Single(feed.Items).Title);
        Assert.Equal("Found no items where the rdf format puts them; read the 1 <item>/<entry> element(s) the document has by name alone.", Assert.Single(feed.Errors));
    }

    [Fact]
    public void Parse_WhenDocumentHasItemElementsButNoneCanBeRead_NeverReportsACleanParse()
    {
        var feed = FeedTestFiles.ParseText("""<rss version="2.0"><channel><title>T</title></channel><junk><item><title>x</titel></item></junk></rss>""");

        Assert.Empty(feed.Items);
        Assert.NotEmpty(feed.Errors);
    }

    [Fact]
    public void Parse_WhenChannelHasNoItemsAtAll_IsACleanEmptyFeed()
    {
        var feed = FeedTestFiles.ParseText("""<rss version="2.0"><channel><title>Quiet</title><description>Nothing yet; items appear here.</description></channel></rss>""");

        Assert.Empty(feed.Items);
        Assert.Empty(feed.Errors);
    }
}
