using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

/// <summary>Issue 8: relative links in a document with no web location resolve as a reader would, not against file:///.</summary>
public sealed class FeedParserLinkTests
{
    private static readonly Uri SavedFile = new("file:///home/me/saved/feed.xml");

    [Fact]
    public void Parse_WhenSavedRssFileHasRelativeLinks_ResolvesThemAgainstTheChannelLink()
    {
        var feed = FeedTestFiles.ParseText("""
            <rss version="2.0"><channel><title>T</title><link>https://blog.example.test/</link>
            <item><title>A</title><link>/posts/a</link><comments>posts/a#comments</comments></item>
            <item xml:base="https://cdn.example.test/mirror/"><title>B</title><link>b.html</link></item>
            <item><title>C</title><guid>/posts/c</guid></item>
            </channel></rss>
            """, source: SavedFile);

        Assert.Equal(["https://blog.example.test/posts/a", "https://cdn.example.test/mirror/b.html", "https://blog.example.test/posts/c"], feed.Items.Select(i => i.Url));
        Assert.Equal("https://blog.example.test/posts/a#comments", feed.Items[0].CommentsUrl);
    }

    [Fact]
    public void Parse_WhenSavedAtomFileHasRelativeLinks_ResolvesThemAgainstXmlBaseThenTheFeedLink()
    {
        var feed = FeedTestFiles.ParseText("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><link rel="alternate" href="https://atom.example.test/blog/"/>
            <entry><title>A</title><link href="posts/a"/></entry>
            <entry xml:base="https://other.example.test/x/"><title>B</title><link href="b"/></entry>
            </feed>
            """, source: SavedFile);

        Assert.Equal("https://atom.example.test/blog/", feed.SiteUrl);
        Assert.Equal(["https://atom.example.test/blog/posts/a", "https://other.example.test/x/b"], feed.Items.Select(i => i.Url));
    }

    [Fact]
    public void Parse_WhenSavedJsonFeedHasRelativeUrls_ResolvesThemAgainstHomePageUrl()
    {
        var feed = FeedTestFiles.ParseText("""{"version":"https://jsonfeed.org/version/1.1","home_page_url":"https://json.example.test/","items":[{"id":"1","title":"A","url":"/a"}]}""", source: SavedFile);

        Assert.Equal("https://json.example.test/a", Assert.Single(feed.Items).Url);
    }

    [Fact]
    public void Parse_WhenFetchedOverHttp_RelativeLinksStillResolveAgainstTheDocumentLocation()
    {
        var feed = FeedTestFiles.ParseText("""
            <rss version="2.0"><channel><title>T</title><link>https://elsewhere.example.test/</link>
            <item><title>A</title><link>posts/a</link></item></channel></rss>
            """);

        Assert.Equal("https://feeds.example.test/path/posts/a", Assert.Single(feed.Items).Url);
    }
}
