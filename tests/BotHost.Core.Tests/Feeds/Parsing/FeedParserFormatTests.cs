using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

public sealed class FeedParserFormatTests
{
    [Fact]
    public void Parse_WhenRss091WithNetscapeDoctype_ReadsItemsAndItsHtmlEntitiesWithoutLoadingTheDtd()
    {
        var feed = FeedTestFiles.ParseFile("rss091.xml");

        Assert.Equal(FeedFormat.Rss09x, feed.Format);
        Assert.Equal("0.91", feed.Version);
        Assert.Equal("Scripting News", feed.Title);
        Assert.Equal("http://www.scripting.com/", feed.SiteUrl);
        Assert.Equal(["Giant Robots Smash Into Each Other", "Café © Netscape"], feed.Items.Select(i => i.Title));
        Assert.Equal("Two robots met at the corner of Main & Elm this morning.", feed.Items[0].SummaryText);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_WhenRss092ItemHasLinkButNoTitle_UsesTheDescriptionAsTitle()
    {
        var feed = FeedTestFiles.ParseFile("rss092.xml");

        Assert.Equal(FeedFormat.Rss09x, feed.Format);
        Assert.Equal("0.92", feed.Version);
        Assert.Equal(2, feed.Items.Count);
        Assert.StartsWith("It's been a few days", feed.Items[0].Title, StringComparison.Ordinal);
        Assert.Equal("http://www.scripting.com/gd/weather-report.html", feed.Items[0].Id);
        Assert.Equal(["Music"], feed.Items[1].Categories);
    }

    [Fact]
    public void Parse_WhenRss2_ReadsGuidDatesCategoriesAndPrefersDescriptionOverContent()
    {
        var feed = FeedTestFiles.ParseFile("rss2.xml");

        Assert.Equal(FeedFormat.Rss2, feed.Format);
        Assert.Equal("2.0", feed.Version);
        var first = feed.Items[0];
        Assert.Equal("post-1001", first.Id);
        Assert.Equal("https://blog.example.com/posts/new-cache", first.Url);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 4, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(["Performance", "Caching"], first.Categories);
        Assert.Equal("We rebuilt the cache layer.", first.SummaryText);
    }

    [Fact]
    public void Parse_WhenRss2ItemHasOnlyContentEncodedAndDcDate_UsesThem()
    {
        var feed = FeedTestFiles.ParseFile("rss2.xml");

        var second = feed.Items[1];
        Assert.Equal("Paging is a social problem. Here is why.", second.SummaryText);
        Assert.Equal(new DateTimeOffset(2025, 6, 9, 16, 30, 0, TimeSpan.Zero), second.Published);
        Assert.Equal(TimeSpan.Zero, second.Published!.Value.Offset);
    }

    [Fact]
    public void Parse_WhenRdf_ReadsSiblingItemsWithRdfAboutAsId()
    {
        var feed = FeedTestFiles.ParseFile("rdf.xml");

        Assert.Equal(FeedFormat.Rdf, feed.Format);
        Assert.Equal("1.0", feed.Version);
        Assert.Equal("Example News (RDF)", feed.Title);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal("https://news.example.org/a", feed.Items[0].Id);
        Assert.Equal(new DateTimeOffset(2025, 6, 8, 7, 15, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal(["Linux"], feed.Items[0].Categories);
    }

    [Fact]
    public void Parse_WhenAtom10_PicksHtmlAlternateLinkRepliesAndPublishedDate()
    {
        var feed = FeedTestFiles.ParseFile("atom10.xml");

        Assert.Equal(FeedFormat.Atom10, feed.Format);
        Assert.Equal("https://atom.example.net/blog/", feed.SiteUrl);
        var first = feed.Items[0];
        Assert.Equal("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", first.Id);
        Assert.Equal("https://atom.example.net/blog/posts/1", first.Url);
        Assert.Equal("https://atom.example.net/blog/posts/1#comments", first.CommentsUrl);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 22, 30, 2, TimeSpan.Zero), first.Published);
        Assert.Equal("Short summary of the first entry.", first.SummaryText);
        Assert.Equal(["atom"], first.Categories);
    }

    [Fact]
    public void Parse_WhenAtomEntryHasOnlyHtmlContentAndUpdated_UsesThem()
    {
        var feed = FeedTestFiles.ParseFile("atom10.xml");

        var second = feed.Items[1];
        Assert.Equal("Only content here.", second.SummaryText);
        Assert.Equal(new DateTimeOffset(2025, 6, 9, 12, 0, 0, TimeSpan.Zero), second.Published);
    }

    [Fact]
    public void Parse_WhenAtom03_ReadsIssuedDateEscapedContentAndDcSubject()
    {
        var feed = FeedTestFiles.ParseFile("atom03.xml");

        Assert.Equal(FeedFormat.Atom03, feed.Format);
        Assert.Equal("0.3", feed.Version);
        Assert.Equal("http://old.example.com/", feed.SiteUrl);
        var entry = Assert.Single(feed.Items);
        Assert.Equal("http://old.example.com/2004/05/entry", entry.Url);
        Assert.Equal(new DateTimeOffset(2004, 5, 1, 13, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal("Escaped HTML content.", entry.SummaryText);
        Assert.Equal(["history"], entry.Categories);
    }

    [Fact]
    public void Parse_WhenJsonFeed10_ReadsItemsTagsAndResolvesRelativeUrls()
    {
        var feed = FeedTestFiles.ParseFile("jsonfeed10.json");

        Assert.Equal(FeedFormat.JsonFeed, feed.Format);
        Assert.Equal("1", feed.Version);
        Assert.Equal("JSON Feed One", feed.Title);
        Assert.Equal("https://json.example.com/", feed.SiteUrl);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 18, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal(["json", "feeds"], feed.Items[0].Categories);
        Assert.Equal("1", feed.Items[1].Id);
        Assert.Equal("https://feeds.example.test/first-item", feed.Items[1].Url);
        Assert.Equal("Hello, world!", feed.Items[1].SummaryText);
        Assert.Null(feed.Items[1].Published);
    }

    [Fact]
    public void Parse_WhenJsonFeed11_UsesExternalUrlAndSummaryOverContentHtml()
    {
        var feed = FeedTestFiles.ParseFile("jsonfeed11.json");

        Assert.Equal("1.1", feed.Version);
        Assert.Equal("JSON Feed & Friends", feed.Title);
        var item = Assert.Single(feed.Items);
        Assert.Equal("https://elsewhere.example.org/article", item.Url);
        Assert.Equal("A short summary.", item.SummaryText);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 9, 0, 0, TimeSpan.Zero), item.Published);
    }

    [Fact]
    public void Parse_WhenDevToFeedWithFormsDefaultNamespace_ReadsEveryTeaserAsPlainText()
    {
        var feed = FeedTestFiles.ParseFile("devto-sample.xml");

        Assert.Equal(FeedFormat.Rss2, feed.Format);
        Assert.Equal("DEV Community: backend", feed.Title);
        Assert.Equal(31, feed.Items.Count); // the sample has one item per seed teaser
        Assert.Equal("The <rss> root declares the default namespace 'default', which RSS does not define; read its elements as RSS.", Assert.Single(feed.Errors));
        Assert.All(feed.Items, item =>
        {
            Assert.StartsWith("https://dev.to/", item.Url, StringComparison.Ordinal);
            Assert.Equal(item.Url, item.Id);
            Assert.NotNull(item.Published);
            Assert.DoesNotContain("<p>", item.SummaryText, StringComparison.Ordinal);
            Assert.DoesNotContain("&lt;", item.SummaryText, StringComparison.Ordinal);
            Assert.Contains("backend", item.Categories);
        });
        Assert.Equal("Shipping 12,000+ Lines Across 6 Systems in 19 Days: A Masterclass in Backend Architecture.", feed.Items[0].Title);
        Assert.StartsWith("What looked like a chaotic sprint", feed.Items[0].SummaryText, StringComparison.Ordinal);
        Assert.Contains(feed.Items, i => i.SummaryText.StartsWith("If you’ve ever thought, “It’s just a WebSocket event,”", StringComparison.Ordinal));
    }
}
