using System.Text;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

public sealed class FeedParserQuirkTests
{
    private const string Item = "<item><title>Caf\u00e9 news</title><link>https://site.example.test/cafe</link></item>";

    [Fact]
    public void Parse_WhenUtf8BomPrecedesProlog_ReadsFeed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(FeedTestFiles.Rss(Item))).ToArray();

        var feed = new FeedParser().Parse(bytes, new FeedParseContext(FeedTestFiles.Source), TestContext.Current.CancellationToken);

        Assert.Equal("Café news", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_WhenWhitespacePrecedesProlog_ReadsFeed()
    {
        var feed = FeedTestFiles.ParseText("\r\n\n   " + FeedTestFiles.Rss(Item));

        Assert.Equal("Café news", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_WhenPrologDeclaresWindows1252_DecodesWithIt()
    {
        var xml = FeedTestFiles.Rss("<item><title>\u201CSmart\u201D quotes \u20AC5</title><link>https://site.example.test/q</link></item>")
            .Replace("utf-8", "windows-1252", StringComparison.Ordinal);
        var bytes = CodePage(1252).GetBytes(xml);

        var feed = new FeedParser().Parse(bytes, new FeedParseContext(FeedTestFiles.Source), TestContext.Current.CancellationToken);

        Assert.Equal("“Smart” quotes €5", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_WhenHttpCharsetDisagreesWithProlog_HttpCharsetWins()
    {
        // Declared utf-8, served as ISO-8859-1 with a Latin-1 byte that is invalid UTF-8.
        var bytes = Encoding.Latin1.GetBytes(FeedTestFiles.Rss(Item));

        var feed = new FeedParser().Parse(bytes, new FeedParseContext(FeedTestFiles.Source, "application/rss+xml; charset=ISO-8859-1"), TestContext.Current.CancellationToken);

        Assert.Equal("Café news", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_WhenHttpCharsetIsWindows1252AndPrologSilent_UsesHttpCharset()
    {
        var xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>\u201CQuoted\u201D \u2014 dash</title><link>https://site.example.test/q</link></item></channel></rss>";

        var feed = new FeedParser().Parse(CodePage(1252).GetBytes(xml), new FeedParseContext(FeedTestFiles.Source, "text/xml;charset=\"windows-1252\""), TestContext.Current.CancellationToken);

        Assert.Equal("“Quoted” — dash", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_WhenUtf16WithBom_ReadsFeedDespiteUtf8Declaration()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(FeedTestFiles.Rss(Item))).ToArray();

        var feed = new FeedParser().Parse(bytes, new FeedParseContext(FeedTestFiles.Source, "application/rss+xml; charset=utf-8"), TestContext.Current.CancellationToken);

        Assert.Equal("Café news", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_WhenHttpCharsetIsUnknown_FallsBackToPrologAndReportsIt()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(Item), "text/xml; charset=klingon-8");

        Assert.Equal("Café news", Assert.Single(feed.Items).Title);
        Assert.Contains(feed.Errors, e => e.Contains("klingon-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenTitleHasCdataAndEntities_DecodesToPlainText()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(
            "<item><title><![CDATA[Tom &amp; Jerry&#8217;s <em>big</em>   day]]></title><link>https://site.example.test/t</link></item>"));

        Assert.Equal("Tom & Jerry’s big day", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_WhenTitleIsDoubleEscaped_DecodesBothLevels()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(
            "<item><title>AT&amp;amp;T &amp;lt;b&amp;gt;drops&amp;lt;/b&amp;gt; &amp;quot;unlimited&amp;quot; &lt;i&gt;plan&lt;/i&gt;</title><link>https://site.example.test/t</link></item>"));

        Assert.Equal("AT&T drops \"unlimited\" plan", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_WhenLinksAreRelative_ResolvesAgainstXmlBaseThenSourceUri()
    {
        var xml = """
            <rss version="2.0"><channel><title>T</title><link>/</link>
            <item><title>A</title><link>posts/a</link></item>
            <item xml:base="https://cdn.example.test/mirror/"><title>B</title><link>b.html</link></item>
            </channel></rss>
            """;

        var feed = FeedTestFiles.ParseText(xml);

        Assert.Equal("https://feeds.example.test/", feed.SiteUrl);
        Assert.Equal("https://feeds.example.test/path/posts/a", feed.Items[0].Url);
        Assert.Equal("https://cdn.example.test/mirror/b.html", feed.Items[1].Url);
    }

    [Fact]
    public void Parse_WhenAtomHasSeveralLinks_PrefersHtmlAlternateOverEditAndPdf()
    {
        var feed = FeedTestFiles.ParseFile("atom10.xml");

        Assert.Equal("https://atom.example.net/blog/posts/1", feed.Items[0].Url);
        Assert.Equal("https://cdn.example.net/mirror/second.html", feed.Items[1].Url);
    }

    [Fact]
    public void Parse_WhenGuidMissing_IdFallsBackToLink()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss("<item><title>A</title><link>https://site.example.test/a</link></item>"));

        Assert.Equal("https://site.example.test/a", Assert.Single(feed.Items).Id);
    }

    [Fact]
    public void Parse_WhenGuidAndLinkMissing_IdIsStableHashOfTitleAndDate()
    {
        var xml = FeedTestFiles.Rss("<item><title>No link</title><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate></item>"
            + "<item><title>No link</title><pubDate>Wed, 11 Jun 2025 04:00:00 GMT</pubDate></item>");

        var first = FeedTestFiles.ParseText(xml);
        var again = FeedTestFiles.ParseText(xml);

        Assert.StartsWith("sha256:", first.Items[0].Id, StringComparison.Ordinal);
        Assert.Equal(71, first.Items[0].Id.Length);
        Assert.Equal(first.Items[0].Id, again.Items[0].Id);
        Assert.NotEqual(first.Items[0].Id, first.Items[1].Id);
    }

    [Fact]
    public void Parse_WhenGuidIsPermalinkAndLinkMissing_UsesGuidAsUrl()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss("<item><title>A</title><guid>https://site.example.test/p/1</guid></item>"));

        Assert.Equal("https://site.example.test/p/1", Assert.Single(feed.Items).Url);
    }

    [Fact]
    public void Parse_WhenHackerNewsItemHasComments_KeepsArticleLinkAndDiscussionUrl()
    {
        var feed = FeedTestFiles.ParseFile("hackernews.xml");

        var item = Assert.Single(feed.Items);
        Assert.Equal("https://tinyreader.example.dev/", item.Url);
        Assert.Equal("https://news.ycombinator.com/item?id=44000001", item.CommentsUrl);
        Assert.Equal("Comments", item.SummaryText);
    }

    [Fact]
    public void Parse_WhenDateIsMissing_PublishedIsNullWithoutError()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(Item));

        Assert.Null(Assert.Single(feed.Items).Published);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_WhenDateIsUnparseable_PublishedIsNullAndErrorNamesTheDate()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(
            "<item><title>A</title><link>https://site.example.test/a</link><pubDate>sometime last week</pubDate></item>"));

        Assert.Null(Assert.Single(feed.Items).Published);
        Assert.Contains(feed.Errors, e => e.Contains("sometime last week", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenDateIsInTheFuture_KeepsItUnclamped()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(
            "<item><title>A</title><link>https://site.example.test/a</link><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>"));

        Assert.Equal(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), Assert.Single(feed.Items).Published);
    }

    [Fact]
    public void Parse_WhenItemHasNeitherTitleNorLink_SkipsItWithError()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss("<item><guid isPermaLink=\"false\">x</guid></item>" + Item));

        Assert.Equal("Café news", Assert.Single(feed.Items).Title);
        Assert.Contains(feed.Errors, e => e.Contains("neither a title nor a link", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenSummaryIsLong_CutsAtWordBoundaryWithEllipsis()
    {
        var words = string.Join(' ', Enumerable.Repeat("lorem ipsum", 40));
        var xml = FeedTestFiles.Rss($"<item><title>A</title><link>https://site.example.test/a</link><description>&lt;p&gt;{words}&lt;/p&gt;</description></item>");

        var feed = new FeedParser(summaryMaxLength: 50).Parse(Encoding.UTF8.GetBytes(xml), new FeedParseContext(FeedTestFiles.Source), TestContext.Current.CancellationToken);

        var summary = Assert.Single(feed.Items).SummaryText;
        Assert.True(summary.Length <= 50, summary);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.Equal(words[..(summary.Length - 1)], summary[..^1]);
        Assert.Equal(' ', words[summary.Length - 1]);
    }

    [Fact]
    public void Parse_WhenControlCharactersAppearInText_ToleratesThem()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss("<item><title>Bell\u0007 and\u000B tab</title><link>https://site.example.test/a</link></item>"));

        Assert.Equal("Bell and tab", Assert.Single(feed.Items).Title);
    }

    private static Encoding CodePage(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
