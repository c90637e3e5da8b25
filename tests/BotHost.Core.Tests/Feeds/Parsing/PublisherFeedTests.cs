using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

/// <summary>
/// Issue 9: the shapes the shipped sources' publishers emit (Medium, WordPress, Ghost, a hand-written Atom blog,
/// GitHub releases, YouTube, Substack), with their slash:, wfw:, media: and feed-addition extensions. Content is
/// synthetic; structure and namespaces are as served. Each must parse cleanly to exactly these items.
/// </summary>
public sealed class PublisherFeedTests
{
    [Fact]
    public void Parse_MediumNetflixTechBlog_ReadsEveryPostFromContentEncoded()
    {
        var feed = Parse("medium-netflix-techblog.xml");

        Assert.Equal(FeedFormat.Rss2, feed.Format);
        Assert.Equal("Netflix TechBlog - Medium", feed.Title);
        Assert.Equal("https://netflixtechblog.com/?source=rss----2615bd06b42e---4", feed.SiteUrl);
        Assert.Equal(
            ["Scaling Event Processing to Millions of Events per Second", "Title Launch Observability at Netflix Scale", "Foundation Model for Personalized Recommendation"],
            feed.Items.Select(i => i.Title));
        var first = feed.Items[0];
        Assert.Equal("https://medium.com/p/3f1c2a5d9e8b", first.Id);
        Assert.Equal("https://netflixtechblog.com/scaling-event-processing-to-millions-of-events-per-second-3f1c2a5d9e8b?source=rss----2615bd06b42e---4", first.Url);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 17, 45, 2, TimeSpan.Zero), first.Published);
        Assert.Equal(["stream-processing", "kafka", "distributed-systems"], first.Categories);
        Assert.StartsWith("By A. Engineer and B. Engineer The pipeline at a glance Introduction Every play, pause and search becomes an event", first.SummaryText, StringComparison.Ordinal);
        Assert.Contains("keep up & stay cheap", first.SummaryText, StringComparison.Ordinal);
        Assert.Equal("Part 2: Navigating Ambiguity How do you know that a title is actually visible to every member who should see it?", feed.Items[1].SummaryText);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_WordPressDotNetBlog_ReadsCommentsCategoriesAndDescription()
    {
        var feed = Parse("wordpress-dotnet-blog.xml");

        Assert.Equal(".NET Blog", feed.Title);
        Assert.Equal("https://devblogs.microsoft.com/dotnet/", feed.SiteUrl);
        Assert.Equal([".NET 10 Preview 5 is now available!", "Performance Improvements in .NET’s Regex & Span APIs"], feed.Items.Select(i => i.Title));
        var first = feed.Items[0];
        Assert.Equal("https://devblogs.microsoft.com/dotnet/?p=57012", first.Id);
        Assert.Equal("https://devblogs.microsoft.com/dotnet/dotnet-10-preview-5/", first.Url);
        Assert.Equal("https://devblogs.microsoft.com/dotnet/dotnet-10-preview-5/#comments", first.CommentsUrl);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 17, 5, 0, TimeSpan.Zero), first.Published);
        Assert.Equal([".NET", "ASP.NET Core", "C#"], first.Categories);
        Assert.StartsWith("Find out about the new features in .NET 10 Preview 5", first.SummaryText, StringComparison.Ordinal);
        Assert.StartsWith("Where Span<T> and the regex engine got faster", feed.Items[1].SummaryText, StringComparison.Ordinal);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_WordPressGitHubEngineering_IgnoresFeedAdditionsAndKeepsLiteralTagText()
    {
        var feed = Parse("wordpress-github-engineering.xml");

        Assert.Equal("Engineering Archives - The GitHub Blog", feed.Title);
        Assert.Equal(["How we made merge queues 3x faster", "Under the hood: the <code> search index — rebuilt"], feed.Items.Select(i => i.Title));
        Assert.Equal(["https://github.blog/?p=88412", "https://github.blog/?p=88190"], feed.Items.Select(i => i.Id));
        Assert.Equal("https://github.blog/engineering/architecture-optimization/code-search-index-rebuilt/", feed.Items[1].Url);
        Assert.Equal(["Architecture & optimization"], feed.Items[1].Categories);
        Assert.Null(feed.Items[0].CommentsUrl);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_GhostCloudflareBlog_ReadsDescriptionsOverContentAndLiteralTitles()
    {
        var feed = Parse("ghost-cloudflare.xml");

        Assert.Equal("The Cloudflare Blog", feed.Title);
        Assert.Equal(["How we built a faster QUIC handshake", "Workers & Durable Objects: <dialog>-free consoles"], feed.Items.Select(i => i.Title));
        Assert.Equal(["6848f1a2c3d4e5f60718293a", "6840aa01bb02cc03dd04ee05"], feed.Items.Select(i => i.Id));
        Assert.Equal("https://blog.cloudflare.com/faster-quic-handshake/", feed.Items[0].Url);
        Assert.Equal(new DateTimeOffset(2025, 6, 11, 13, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal(["QUIC", "Performance", "Deep Dive"], feed.Items[0].Categories);
        Assert.StartsWith("We shaved a round trip off the QUIC handshake", feed.Items[0].SummaryText, StringComparison.Ordinal);
        Assert.Equal("A console for Workers that never opens a modal.", feed.Items[1].SummaryText);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_MartinFowlerHandWrittenAtom_UsesUpdatedDatesAndHtmlContent()
    {
        var feed = Parse("martinfowler.atom");

        Assert.Equal(FeedFormat.Atom10, feed.Format);
        Assert.Equal("Martin Fowler", feed.Title);
        Assert.Equal("https://martinfowler.com/", feed.SiteUrl);
        Assert.Equal(["Bliki: Example Mapping", "Fragments: June 5", "Patterns of Legacy Displacement: Divert the Flow"], feed.Items.Select(i => i.Title));
        Assert.Equal(
            ["https://martinfowler.com/bliki/ExampleMapping.html", "https://martinfowler.com/fragments/2025-06-05.html", "https://martinfowler.com/articles/patterns-legacy-displacement/divert-the-flow.html"],
            feed.Items.Select(i => i.Url));
        Assert.Equal("tag:martinfowler.com,2025-06-05:Fragments-June-5", feed.Items[1].Id);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 14, 22, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal(["bliki"], feed.Items[0].Categories);
        Assert.StartsWith("Example mapping is a technique for exploring a story", feed.Items[0].SummaryText, StringComparison.Ordinal);
        Assert.Equal("A few notes on LLMs & refactoring, and why List<T> still surprises people.", feed.Items[1].SummaryText);
        Assert.StartsWith("Rather than replace a critical capability in one go", feed.Items[2].SummaryText, StringComparison.Ordinal);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_GitHubReleasesAtom_ReadsReleaseNotesAsSummaries()
    {
        var feed = Parse("github-releases.atom");

        Assert.Equal("Release notes from widget", feed.Title);
        Assert.Equal("https://github.com/example-org/widget/releases", feed.SiteUrl);
        Assert.Equal(["v2.4.0", "v2.3.1"], feed.Items.Select(i => i.Title));
        Assert.Equal("tag:github.com,2008:Repository/210716005/v2.4.0", feed.Items[0].Id);
        Assert.Equal("https://github.com/example-org/widget/releases/tag/v2.4.0", feed.Items[0].Url);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 17, 24, 4, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal("What's Changed Add Result<T, E> helpers by @octocat in #812 Full Changelog: v2.3.1...v2.4.0", feed.Items[0].SummaryText);
        Assert.Equal("No content.", feed.Items[1].SummaryText);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_YouTubeChannel_ReadsMediaGroupDescriptionsAndLiteralTitles()
    {
        var feed = Parse("youtube-channel.xml");

        Assert.Equal("Web Platform Examples", feed.Title);
        Assert.Equal("https://www.youtube.com/channel/UCexampleChannel0000000", feed.SiteUrl);
        Assert.Equal(["debug <dialog> focus traps", "CSS anchor positioning in 5 minutes"], feed.Items.Select(i => i.Title));
        Assert.Equal(["yt:video:dQw4Example", "yt:video:xYz9Example"], feed.Items.Select(i => i.Id));
        Assert.Equal("https://www.youtube.com/watch?v=dQw4Example", feed.Items[0].Url);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 15, 0, 6, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal("Why focus escapes a modal <dialog>, and the three lines that keep it in. Chapters: 0:00 The bug 2:15 The fix", feed.Items[0].SummaryText);
        Assert.Equal(string.Empty, feed.Items[1].SummaryText);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_Substack_ReadsSubtitlesAsSummaries()
    {
        var feed = Parse("substack.xml");

        Assert.Equal("The Example Engineer", feed.Title);
        Assert.Equal("https://newsletter.example-engineer.com/", feed.SiteUrl);
        Assert.Equal(["The Pulse #137: what on-call looks like in 2025", "Inside a 40-person platform team"], feed.Items.Select(i => i.Title));
        Assert.Equal("https://newsletter.example-engineer.com/p/the-pulse-137", feed.Items[0].Id);
        Assert.Equal("https://newsletter.example-engineer.com/p/the-pulse-137", feed.Items[0].Url);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 16, 31, 18, TimeSpan.Zero), feed.Items[0].Published);
        Assert.Equal("Also: a startup's migration off Kubernetes, and why \"just add a cache\" keeps failing.", feed.Items[0].SummaryText);
        Assert.Empty(feed.Errors);
    }

    private static ParsedFeed Parse(string name)
    {
        var path = Path.Combine("publishers", name);
        return BoundedParse.Run(ct => new FeedParser().Parse(FeedTestFiles.Read(path), new FeedParseContext(FeedTestFiles.Source), ct), what: name);
    }
}
