using BotHost.Core.Collecting;
using BotHost.Core.Storage;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Feeds;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Storage;

public sealed class RetentionPrunerTests
{
    private const int RetentionDays = 30;
    private static readonly TimeSpan PastRetention = TimeSpan.FromDays(RetentionDays + 1);

    private static readonly Entry Compiler = new("c-1", "Zig compiler rewritten for incremental builds", "https://blog.example.com/zig-incremental", Description: "Incremental compilation lands.");
    private static readonly Entry Telescope = new("c-2", "Radio telescope array maps hydrogen clouds", "https://science.example.net/hydrogen-map", Description: "A new survey of the sky.");
    private static readonly Entry Bakery = new("c-3", "Sourdough starter bacteria sequenced by volunteers", "https://food.example.org/sourdough-genome", Description: "Citizen science in the kitchen.");

    [Fact]
    public async Task Prune_WhenStoryAndItemsAreOldAndNoLongerListed_DeletesThemWithTheirKeysAndMentions()
    {
        await using var host = await StartAsync();
        await CollectThenAgeAsync(host, [Compiler, Telescope], PastRetention, [Bakery]);

        var (items, stories) = await PruneAsync(host);

        Assert.Equal((2, 2), (items, stories));
        Assert.Equal([Bakery.Title], await host.QueryStringsAsync("SELECT title FROM stories"));
        Assert.Equal([Bakery.Guid], await host.QueryStringsAsync("SELECT source_item_id FROM items"));
        Assert.Equal(["1"], await host.QueryStringsAsync("SELECT COUNT(DISTINCT story_id) FROM story_keys"));
        Assert.Equal(1, await host.CountAsync("story_mentions"));
    }

    [Fact]
    public async Task Prune_WhenDataIsYoungerThanRetention_DeletesNothing()
    {
        await using var host = await StartAsync();
        await CollectThenAgeAsync(host, [Compiler, Telescope], TimeSpan.FromDays(RetentionDays - 1), [Bakery]);

        var pruned = await PruneAsync(host);

        Assert.Equal((0, 0), pruned);
        Assert.Equal(3, await host.CountAsync("stories"));
        Assert.Equal(3, await host.CountAsync("items"));
    }

    [Fact]
    public async Task Prune_WhenOldStoryIsReferencedByADelivery_KeepsStoryAndItsItems()
    {
        await using var host = await StartAsync();
        await CollectThenAgeAsync(host, [Compiler, Telescope], PastRetention, [Bakery]);
        var delivered = (await host.QueryStringsAsync($"SELECT id FROM stories WHERE title = '{Compiler.Title}'")).Single();
        await RecordDeliveryAsync(host, long.Parse(delivered, System.Globalization.CultureInfo.InvariantCulture));

        var (items, stories) = await PruneAsync(host);

        Assert.Equal((1, 1), (items, stories));
        Assert.Equal([Compiler.Title, Bakery.Title], await host.QueryStringsAsync("SELECT title FROM stories ORDER BY id"));
        Assert.Equal([Compiler.Guid, Bakery.Guid], await host.QueryStringsAsync("SELECT source_item_id FROM items ORDER BY id"));
        Assert.Equal([delivered], await host.QueryStringsAsync($"SELECT story_id FROM story_mentions WHERE story_id = {delivered}"));
    }

    [Fact]
    public async Task Prune_WhenOldItemIsStillListed_KeepsItAndItsStoryAndItDoesNotComeBackAsNew()
    {
        await using var host = await StartAsync();
        await CollectThenAgeAsync(host, [Compiler, Telescope], PastRetention, [Compiler, Bakery]);

        var (items, stories) = await PruneAsync(host);
        var again = await host.CollectAllAsync();

        Assert.Equal((1, 1), (items, stories));
        Assert.Equal([Compiler.Guid, Bakery.Guid], await host.QueryStringsAsync("SELECT source_item_id FROM items ORDER BY id"));
        Assert.Equal([Compiler.Title, Bakery.Title], await host.QueryStringsAsync("SELECT title FROM stories ORDER BY id"));
        Assert.Equal(0, again.Single().Ingest.NewItems);
        Assert.Equal(0, again.Single().Ingest.NewStories);
        Assert.Equal(2, await host.CountAsync("stories"));
    }

    [Fact]
    public async Task Prune_WhenFeedAnswers304ForLongerThanRetention_KeepsItsItemsAndTheyDoNotComeBackAsNew()
    {
        await using var server = await LoopbackFeedServer.StartAsync(TestContext.Current.CancellationToken);
        var document = Rss("Blog", Compiler, Telescope);
        var etag = "\"v1\"";
        server.Map("/feed.xml", request => request.Header("If-None-Match") == etag
            ? new LoopbackResponse { Status = 304 }
            : new LoopbackResponse
            {
                Body = System.Text.Encoding.UTF8.GetBytes(document),
                Headers = new Dictionary<string, string> { ["Content-Type"] = "application/rss+xml", ["ETag"] = etag },
            });
        await using var host = await StartAsync(allowLoopback: true);
        File.WriteAllText(host.SourcesFile, $"{{ \"sources\": [{{ \"name\": \"Blog\", \"url\": \"{server.Url("/feed.xml")}\" }}] }}");
        await host.CollectAllAsync();
        host.Time.Advance(PastRetention);
        var unchanged = await host.CollectAllAsync();

        var pruned = await PruneAsync(host);
        document = Rss("Blog", Compiler, Telescope, Bakery);
        etag = "\"v2\"";
        var changed = await host.CollectAllAsync();

        Assert.Equal(CollectionStatus.NotModified, unchanged.Single().Status);
        Assert.Equal((0, 0), pruned);
        Assert.Equal(1, changed.Single().Ingest.NewItems);
        Assert.Equal(3, await host.CountAsync("stories"));
    }

    [Fact]
    public async Task Prune_WhenOneSourceStillListsAStory_KeepsTheStoryAndTheOtherSourcesOldItem()
    {
        await using var host = await StartAsync();
        host.WriteFeed("a.xml", Rss("A", Compiler));
        host.WriteFeed("b.xml", Rss("B", Compiler with { Guid = "b-1" }));
        host.WriteSources(("A", "a.xml"), ("B", "b.xml"));
        await host.CollectAllAsync();
        host.Time.Advance(PastRetention);
        host.WriteFeed("a.xml", Rss("A", Bakery));
        await host.CollectAllAsync();

        var (items, stories) = await PruneAsync(host);

        Assert.Equal((0, 0), (items, stories));
        Assert.Equal([Compiler.Title, Bakery.Title], await host.QueryStringsAsync("SELECT title FROM stories ORDER BY id"));
        Assert.Equal(3, await host.CountAsync("items"));
    }

    [Fact]
    public async Task Prune_RemovesPrunedStoryFromTheSearchIndex()
    {
        await using var host = await StartAsync();
        await CollectThenAgeAsync(host, [Compiler, Telescope], PastRetention, [Telescope]);
        await CatchUpSearchAsync(host);
        var before = await host.QueryStringsAsync("SELECT rowid FROM story_search WHERE story_search MATCH 'zig'");

        await PruneAsync(host);

        Assert.Single(before);
        Assert.Empty(await host.QueryStringsAsync("SELECT rowid FROM story_search WHERE story_search MATCH 'zig'"));
        Assert.Single(await host.QueryStringsAsync("SELECT rowid FROM story_search WHERE story_search MATCH 'hydrogen'"));
        Assert.Equal(["ok"], await host.QueryStringsAsync("PRAGMA integrity_check"));
        await ExecuteAsync(host, "INSERT INTO story_search(story_search, rank) VALUES ('integrity-check', 1)");
    }

    [Fact]
    public async Task Prune_WhenSourceHasFailedForLongerThanRetention_KeepsItsItemsSoTheyDoNotComeBackAsNew()
    {
        await using var host = await StartAsync();
        host.WriteFeed("blog.xml", Rss("Blog", Compiler, Telescope));
        host.WriteSources(("Blog", "blog.xml"));
        await host.CollectAllAsync();
        host.WriteFeed("blog.xml", "<html><body>down for maintenance</body></html>");
        host.Time.Advance(PastRetention);
        await host.CollectAllAsync();

        var (items, _) = await PruneAsync(host);
        host.WriteFeed("blog.xml", Rss("Blog", Compiler, Telescope));
        host.Time.Advance(TimeSpan.FromHours(1));
        var back = (await host.CollectAllAsync()).Single();

        Assert.Equal(0, items);
        Assert.Equal(0, back.Ingest.NewItems);
    }

    private static Task<CoreTestHost> StartAsync(bool allowLoopback = false) =>
        CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Storage:RetentionDays"] = RetentionDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Feeds:AllowPrivateAddresses"] = allowLoopback ? "true" : "false",
        });

    // The blog lists `first`, everything ages by `age`, then the blog lists `later` and is collected again.
    private static async Task CollectThenAgeAsync(CoreTestHost host, Entry[] first, TimeSpan age, Entry[] later)
    {
        host.WriteFeed("blog.xml", Rss("Blog", first));
        host.WriteSources(("Blog", "blog.xml"));
        await host.CollectAllAsync();
        host.Time.Advance(age);
        host.WriteFeed("blog.xml", Rss("Blog", later));
        await host.CollectAllAsync();
    }

    [Fact]
    public async Task Prune_OfAStoryNotYetInTheSearchIndex_LeavesTheIndexWhole()
    {
        await using var host = await StartAsync();
        await CollectThenAgeAsync(host, [Compiler, Telescope], PastRetention, [Telescope]);

        var (_, stories) = await PruneAsync(host);
        await CatchUpSearchAsync(host);

        Assert.Equal(1, stories);
        Assert.Empty(await host.QueryStringsAsync("SELECT rowid FROM story_search WHERE story_search MATCH 'zig'"));
        Assert.Single(await host.QueryStringsAsync("SELECT rowid FROM story_search WHERE story_search MATCH 'hydrogen'"));
        await ExecuteAsync(host, "INSERT INTO story_search(story_search, rank) VALUES ('integrity-check', 1)");
    }

    private static async Task CatchUpSearchAsync(CoreTestHost host)
    {
        await using var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(TestContext.Current.CancellationToken);
        await host.Services.GetRequiredService<BotHost.Core.Stories.SearchIndexer>().CatchUpAsync(connection, TestContext.Current.CancellationToken);
    }

    private static Task<(int Items, int Stories)> PruneAsync(CoreTestHost host) =>
        host.Services.GetRequiredService<RetentionPruner>().PruneAsync(TestContext.Current.CancellationToken);

    // A pending delivery of the story to a channel, recorded the way the composer records one.
    private static async Task RecordDeliveryAsync(CoreTestHost host, long storyId)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(ct);
        await using var tx = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var part = new BotHost.Core.Digests.DigestPart(1, 1, "digest", [], [new([new(BotHost.Core.Digests.DigestActionKind.Upvote, 1, storyId, "up")])], "m");
        await host.Services.GetRequiredService<BotHost.Core.Delivery.OutboxStore>().CreateAsync(
            tx, new BotHost.Core.Delivery.NewDelivery(1, new(1, 2), "2026-11-25", BotHost.Core.Delivery.DeliveryReason.Now, [storyId], [part], host.Time.GetUtcNow()), ct);
        await tx.CommitAsync(ct);
    }

    private static async Task ExecuteAsync(CoreTestHost host, string sql)
    {
        await using var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
