using BotHost.Core.Collecting;
using BotHost.Core.Tests.TestSupport;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Collecting;

public sealed class CollectingPipelineTests
{
    private static readonly Entry Kafka = new("a-1", "Why LinkedIn built Kafka and what it changed", "https://blog.example.com/kafka?utm_source=rss", Description: "A history of the log-based message broker and its design.");
    private static readonly Entry Sagas = new("a-2", "Distributed transactions: two-phase commit versus sagas", "https://blog.example.com/sagas", Description: "Compensating transactions explained with examples.");
    private static readonly Entry Wal = new("a-3", "How the SQLite write-ahead log works", "https://blog.example.com/wal", Description: "Readers never block writers, and why.");

    [Fact]
    public async Task Collect_Twice_AddsNoNewItemsOrStories()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("blog.xml", Rss("Blog", Kafka, Sagas, Wal));
        host.WriteSources(("Blog", "blog.xml"));

        var first = await host.CollectAllAsync();
        var second = await host.CollectAllAsync();

        Assert.Equal(3, first.Single().Ingest.NewItems);
        Assert.Equal(0, second.Single().Ingest.NewItems);
        Assert.Equal(3, second.Single().Ingest.AlreadySeen);
        Assert.Equal(3, await host.CountAsync("items"));
        Assert.Equal(3, await host.CountAsync("stories"));
    }

    [Fact]
    public async Task Collect_AfterRestart_AddsNothing()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        var before = await CoreTestHost.StartAsync(directory);
        before.WriteFeed("blog.xml", Rss("Blog", Kafka, Sagas, Wal));
        before.WriteSources(("Blog", "blog.xml"));
        await before.CollectAllAsync();
        await before.StopAsync();

        await using var after = await CoreTestHost.StartAsync(directory);
        var outcome = await after.CollectAllAsync();

        Assert.Equal(0, outcome.Single().Ingest.NewItems);
        Assert.Equal(3, await after.CountAsync("items"));
        Assert.Equal(3, await after.CountAsync("stories"));
    }

    [Fact]
    public async Task Collect_WhenFeedEditsTitlesDatesAndOrder_AddsNothing()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("blog.xml", Rss("Blog", Kafka, Sagas, Wal));
        host.WriteSources(("Blog", "blog.xml"));
        await host.CollectAllAsync();

        host.WriteFeed("blog.xml", Rss("Blog",
            Wal with { Title = "How the SQLite WAL works (updated)", PubDate = "Wed, 25 Nov 2026 01:00:00 GMT" },
            Kafka with { Title = "Why LinkedIn built Kafka", PubDate = "Wed, 25 Nov 2026 02:00:00 GMT" },
            Sagas with { Guid = "a-2-renumbered" }));
        var outcome = await host.CollectAllAsync();

        Assert.Equal(0, outcome.Single().Ingest.NewItems);
        Assert.Equal(3, await host.CountAsync("items"));
        Assert.Equal(3, await host.CountAsync("stories"));
    }

    [Fact]
    public async Task Collect_SameUrlOnTwoSites_IsOneStoryWithTwoMentions()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("blog.xml", Rss("Blog", Kafka));
        host.WriteFeed("hn.xml", Rss("HN", new Entry("hn-1", "Why LinkedIn Built Kafka", "http://www.blog.example.com/kafka#intro", Comments: "https://news.ycombinator.com/item?id=1")));
        host.WriteSources(("Blog", "blog.xml"), ("Hacker News", "hn.xml"));

        await host.CollectAllAsync();

        Assert.Equal(2, await host.CountAsync("items"));
        Assert.Equal(1, await host.CountAsync("stories"));
        Assert.Equal(["2"], await host.QueryStringsAsync("SELECT mention_count FROM stories"));
    }

    [Fact]
    public async Task Collect_ItemLinkingToHackerNewsThread_JoinsTheStoryWhoseCommentsPointThere()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("hn.xml", Rss("HN", new Entry("hn-9", "A tour of io_uring for server authors", "https://kernel.example/io-uring", Comments: "https://news.ycombinator.com/item?id=9")));
        host.WriteFeed("other.xml", Rss("Other", new Entry("o-1", "Discussion: io_uring for servers", "https://news.ycombinator.com/item?id=9")));
        host.WriteSources(("Hacker News", "hn.xml"), ("Other", "other.xml"));

        await host.CollectAllAsync();

        Assert.Equal(1, await host.CountAsync("stories"));
    }

    [Fact]
    public async Task Collect_NearDuplicateTitlesOnDifferentUrls_AreOneStory()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("devto.xml", Rss("dev.to", new Entry("d-1", "Streaming 25 Million Excel Cells Through 7 MB of Memory", "https://dev.to/lukas/streaming-excel")));
        host.WriteFeed("hn.xml", Rss("HN", new Entry("h-1", "Show HN: Streaming 25 million Excel cells through 7 MB of memory", "https://github.com/lukas/xlsx-stream", PubDate: "Tue, 24 Nov 2026 12:00:00 GMT")));
        host.WriteSources(("dev.to", "devto.xml"), ("Hacker News", "hn.xml"));

        await host.CollectAllAsync();
        var digest = await host.ComposeDigestAsync();

        var story = Assert.Single(digest.Stories);
        Assert.Equal(["dev.to", "Hacker News"], story.Sources);
    }

    [Fact]
    public async Task Collect_NoiseItems_AreStoredWithReasonAndGetNoStory()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("devto.xml", Rss("dev.to",
            Kafka,
            new Entry("h-1", "Latest DevOps news from Tech News", "https://dev.to/t/devops/latest"),
            new Entry("d-1", "Disclosure: This post includes affiliate links", "https://dev.to/x/disclosure",
                Description: "Disclosure: This post includes affiliate links; I may receive compensation if you purchase products or services from the different links provided in t…")));
        host.WriteSources(("dev.to", "devto.xml"));

        var outcome = (await host.CollectAllAsync()).Single();

        Assert.Equal(2, outcome.Ingest.Dropped.Count);
        Assert.Equal(1, await host.CountAsync("stories"));
        Assert.Equal(2, (await host.QueryStringsAsync("SELECT dropped_reason FROM items WHERE dropped_reason IS NOT NULL")).Count);
    }

    [Fact]
    public async Task Collect_FirstFetchOfNewSource_StoresBacklogThatDigestsSkip()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Feeds:FirstFetchIsBacklog"] = "true" });
        host.WriteFeed("blog.xml", Rss("Blog", Kafka, Sagas));
        host.WriteSources(("Blog", "blog.xml"));
        await host.CollectAllAsync();

        host.WriteFeed("blog.xml", Rss("Blog", Kafka, Sagas, Wal));
        await host.CollectAllAsync();
        var digest = await host.ComposeDigestAsync();

        Assert.Equal(3, await host.CountAsync("stories"));
        Assert.Equal(Wal.Title, Assert.Single(digest.Stories).Title);
    }

    [Fact]
    public async Task Collect_FutureDate_IsClampedToFirstSeen()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("blog.xml", Rss("Blog", Kafka with { PubDate = "Fri, 01 Jan 2038 00:00:00 GMT" }));
        host.WriteSources(("Blog", "blog.xml"));

        await host.CollectAllAsync();

        var stored = await host.QueryStringsAsync("SELECT published_at FROM items");
        Assert.Equal(CoreTestHost.Start.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(stored));
    }

    [Fact]
    public async Task Collect_BrokenSource_RecordsWhyAndSinceWhen_AndKeepsStoredItems()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("blog.xml", Rss("Blog", Kafka, Sagas));
        host.WriteSources(("Blog", "blog.xml"));
        await host.CollectAllAsync();

        host.WriteFeed("blog.xml", "<html><head><title>Moved</title></head><body>gone</body></html>");
        host.Time.Advance(TimeSpan.FromMinutes(20));
        var outcome = (await host.CollectAllAsync()).Single();

        Assert.Equal(CollectionStatus.Failed, outcome.Status);
        Assert.Equal(2, await host.CountAsync("items"));
        Assert.Equal(["1"], await host.QueryStringsAsync("SELECT consecutive_failures FROM sources"));
        Assert.NotEqual(["<null>"], await host.QueryStringsAsync("SELECT last_error FROM sources"));
        Assert.Equal([host.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)], await host.QueryStringsAsync("SELECT failing_since FROM sources"));
    }

    [Fact]
    public async Task Collect_StoryStartedByAggregatorItem_TakesCleanTitleAndFirstRealSummary()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("lobsters.xml", Rss("Lobsters", new Entry("l-1", "How the SQLite write-ahead log works | Lobsters", "https://wal.example/post", Description: "<a href=\"https://lobste.rs/s/1\">Comments</a>")));
        host.WriteSources(("Lobsters", "lobsters.xml"));
        await host.CollectAllAsync();
        host.WriteFeed("blog.xml", Rss("Blog", new Entry("b-1", "How the SQLite write-ahead log works", "https://wal.example/post", Description: "Readers never block writers, and why.")));
        host.WriteSources(("Lobsters", "lobsters.xml"), ("Blog", "blog.xml"));
        var reread = await CoreTestHost.StartAsync(host.Directory, host.Time);

        await reread.CollectAllAsync();
        var story = Assert.Single((await reread.ComposeDigestAsync()).Stories);
        await reread.StopAsync();

        Assert.Equal("How the SQLite write-ahead log works", story.Title);
        Assert.Equal("Readers never block writers, and why.", story.SummaryText);
        Assert.Equal(["Lobsters", "Blog"], story.Sources);
    }

    [Fact]
    public async Task Collect_LiveItemJoiningABacklogStory_BringsTheStoryIntoDigests()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Feeds:FirstFetchIsBacklog"] = "true" });
        host.WriteFeed("blog.xml", Rss("Blog", Kafka));
        host.WriteFeed("hn.xml", Rss("HN"));
        host.WriteSources(("Blog", "blog.xml"), ("Hacker News", "hn.xml"));
        await host.CollectAllAsync();
        Assert.Empty((await host.ComposeDigestAsync()).Stories);

        host.WriteFeed("hn.xml", Rss("HN", new Entry("hn-1", "Why LinkedIn built Kafka", "https://blog.example.com/kafka", PubDate: "Wed, 25 Nov 2026 05:00:00 GMT")));
        await host.CollectAllAsync();
        var story = Assert.Single((await host.ComposeDigestAsync()).Stories);

        Assert.Equal(["Blog", "Hacker News"], story.Sources);
    }
}
