using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

/// <summary>Issue 8 "also found": titles and summaries read as the text their construct says they are.</summary>
public sealed class FeedParserTextTests
{
    [Theory]
    [InlineData("", "Using &lt;div&gt; wisely", "Using <div> wisely")]
    [InlineData("type=\"text\"", "AT&amp;amp;T &lt;b&gt;news&lt;/b&gt;", "AT&amp;T <b>news</b>")]
    [InlineData("type=\"html\"", "&lt;b&gt;Bold&lt;/b&gt; move &amp;amp; more", "Bold move & more")]
    [InlineData("type=\"html\"", "Vec&amp;lt;u8&amp;gt; in &lt;code&gt;std&lt;/code&gt;", "Vec<u8> in std")]
    [InlineData("type=\"xhtml\"", "<div xmlns=\"http://www.w3.org/1999/xhtml\">Using &lt;div&gt; <b>wisely</b></div>", "Using <div> wisely")]
    public void Parse_AtomTitle_FollowsItsTextConstructType(string type, string content, string expected)
    {
        var feed = FeedTestFiles.ParseText($"""
            <feed xmlns="http://www.w3.org/2005/Atom"><title {type}>{content}</title>
            <entry><title {type}>{content}</title><link href="https://site.example.test/1"/><summary {type}>{content}</summary></entry></feed>
            """);

        var entry = Assert.Single(feed.Items);
        Assert.Equal(expected, feed.Title);
        Assert.Equal(expected, entry.Title);
        Assert.Equal(expected, entry.SummaryText);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_AtomContent_FollowsItsTextConstructType()
    {
        var feed = FeedTestFiles.ParseText("""
            <feed xmlns="http://www.w3.org/2005/Atom">
            <entry><title>Text</title><link href="https://site.example.test/1"/><content>Keep &lt;T&gt; as written</content></entry>
            <entry><title>Html</title><link href="https://site.example.test/2"/><content type="html">&lt;p&gt;Rendered &lt;em&gt;text&lt;/em&gt;&lt;/p&gt;</content></entry>
            <entry><title>Xhtml</title><link href="https://site.example.test/3"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One</p><p>two &lt;br&gt;</p></div></content></entry>
            </feed>
            """);

        Assert.Equal(["Keep <T> as written", "Rendered text", "One two <br>"], feed.Items.Select(i => i.SummaryText));
    }

    [Theory]
    [InlineData("A proof sketch for vector&lt;vector&lt;T&gt;&gt;", "A proof sketch for vector<vector<T>>")]
    [InlineData("Why Vec&lt;u8&gt; is not a String", "Why Vec<u8> is not a String")]
    [InlineData("Optional&lt;T&gt; considered harmful", "Optional<T> considered harmful")]
    [InlineData("debug &lt;dialog&gt; focus traps", "debug <dialog> focus traps")]
    [InlineData("a &lt; b &gt; c", "a < b > c")]
    [InlineData("Result&lt;T, E&gt; in practice", "Result<T, E> in practice")]
    [InlineData("&lt;em&gt;Big&lt;/em&gt; news from &lt;a href=\"https://x.example.test\"&gt;X&lt;/a&gt;", "Big news from X")]
    [InlineData("Line&lt;br&gt;break", "Line break")]
    public void Parse_RssTitle_KeepsLiteralAngleBracketTextAndDropsOnlyRealMarkup(string title, string expected)
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss($"<item><title>{title}</title><link>https://site.example.test/1</link></item>"));

        Assert.Equal(expected, Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_YouTubeAtomTitleWithAngleBrackets_IsLiteralText()
    {
        var feed = FeedTestFiles.ParseText("""
            <feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
            <entry><title>debug &lt;dialog&gt; focus traps</title><link rel="alternate" href="https://www.youtube.com/watch?v=abc"/></entry></feed>
            """);

        Assert.Equal("debug <dialog> focus traps", Assert.Single(feed.Items).Title);
    }

    [Fact]
    public void Parse_WhenEntryHasOnlyAMediaGroupDescription_UsesItAsTheSummary()
    {
        var feed = FeedTestFiles.ParseText("""
            <feed xmlns:media="http://search.yahoo.com/mrss/" xmlns="http://www.w3.org/2005/Atom">
            <entry><title>Video</title><link rel="alternate" href="https://www.youtube.com/watch?v=abc"/>
            <media:group><media:title>Video</media:title><media:content url="https://www.youtube.com/v/abc" type="application/x-shockwave-flash"/>
            <media:description>What this video shows, in &lt;plain&gt; text.</media:description></media:group></entry>
            <entry><title>With summary</title><link href="https://www.youtube.com/watch?v=def"/><summary>Own summary</summary>
            <media:group><media:description>Media text</media:description></media:group></entry></feed>
            """);

        Assert.Equal(["What this video shows, in <plain> text.", "Own summary"], feed.Items.Select(i => i.SummaryText));
    }

    [Fact]
    public void Parse_WhenRssItemHasOnlyMediaDescription_UsesItAsTheSummary()
    {
        var feed = FeedTestFiles.ParseText("""
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
            <item><title>Clip</title><link>https://site.example.test/1</link><media:content url="https://cdn.example.test/1.mp4"><media:description type="html">&lt;p&gt;About the clip&lt;/p&gt;</media:description></media:content></item>
            </channel></rss>
            """);

        Assert.Equal("About the clip", Assert.Single(feed.Items).SummaryText);
    }

    [Fact]
    public void Parse_WhenItemHasTextButNeitherTitleNorLink_ReportsItWithoutALink()
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss(
            "<item><description>A status update that only has text.</description></item><item><title>Linked</title><link>https://site.example.test/1</link></item>"));

        Assert.Equal(2, feed.Items.Count);
        Assert.Equal("A status update that only has text.", feed.Items[0].Title);
        Assert.Null(feed.Items[0].Url);
        Assert.StartsWith("sha256:", feed.Items[0].Id, StringComparison.Ordinal);
        Assert.Empty(feed.Errors);
    }

    [Theory]
    [InlineData("Bell\u0007 and&#x1; tab", "Bell and tab")]
    [InlineData("Form\u000Cfeed &amp;#2; end", "Form feed end")]
    public void Parse_NeverLetsControlCharactersIntoTitlesOrSummaries(string text, string expected)
    {
        var feed = FeedTestFiles.ParseText(FeedTestFiles.Rss($"<item><title>{text}</title><link>https://site.example.test/a</link><description>{text}</description></item>"));

        var item = Assert.Single(feed.Items);
        Assert.Equal(expected, item.Title);
        Assert.Equal(expected, item.SummaryText);
    }

    [Fact]
    public void Parse_WhenJsonFeedCarriesControlCharacters_StripsThem()
    {
        var feed = FeedTestFiles.ParseText("""{"version":"https://jsonfeed.org/version/1.1","title":"J\u0001","items":[{"id":"1","title":"Tab\u0000bed \u001Ftitle","url":"https://site.example.test/1","content_text":"x\u0002y"}]}""");

        var item = Assert.Single(feed.Items);
        Assert.Equal("J", feed.Title);
        Assert.Equal("Tab bed title", item.Title);
        Assert.Equal("x y", item.SummaryText);
    }
}
