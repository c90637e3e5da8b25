using BotHost.Core.Storage;
using BotHost.Core.Stories;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Stories;

/// <summary>New stories reach the full-text index in batches (migration 0008); nothing a search can ask for is ever missing from it.</summary>
public sealed class SearchIndexerTests
{
    private const string Indexed = "SELECT rowid FROM story_search WHERE story_search MATCH '{0}' ORDER BY rowid";

    private static readonly Entry Wal = new("x", "Understanding write-ahead logging in SQLite", "https://example.org/wal", Description: "Checkpoints and readers explained.");
    private static readonly Entry Llm = new("y", "Running an LLM on a laptop", "https://example.org/llm", Description: "Quantized weights and checkpoints.");
    private static readonly Entry Zig = new("z", "Zig compiler rewritten for incremental builds", "https://example.org/zig", Description: "Incremental compilation lands.");
    private static readonly Entry Telescope = new("t", "Radio telescope array maps hydrogen clouds", "https://example.org/hydrogen", Description: "A new survey of the sky.");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CollectedStories_WaitForABatch_AndASearchIndexesThemFirst()
    {
        await using var host = await StartAsync([Wal, Llm]);
        var waiting = await host.QueryStringsAsync(string.Format(Indexed, "checkpoints"));

        var found = await host.Services.GetRequiredService<StoryQueries>().SearchAsync("checkpoints", null, null, 5, null, Ct);

        Assert.Empty(waiting);
        Assert.Equal([Llm.Title, Wal.Title], found.Stories.Select(s => s.Title));
        Assert.Equal(2, (await host.QueryStringsAsync(string.Format(Indexed, "checkpoints"))).Count);
        Assert.Equal(0, await PendingAsync(host));
    }

    [Fact]
    public async Task Ingest_IndexesEveryWaitingStory_InTheFeedThatFillsABatch()
    {
        await using var host = await StartAsync([Wal], batchStories: 3);
        var afterOne = await host.QueryStringsAsync(string.Format(Indexed, "checkpoints"));

        host.WriteFeed("blog.xml", Rss("Blog", Wal, Llm, Zig));
        await host.CollectAllAsync();

        Assert.Empty(afterOne);
        Assert.Equal(2, (await host.QueryStringsAsync(string.Format(Indexed, "checkpoints"))).Count);
        Assert.Single(await host.QueryStringsAsync(string.Format(Indexed, "zig")));
        Assert.Equal(0, await PendingAsync(host));
    }

    [Fact]
    public async Task ChangedTitlesAndSummaries_OfIndexedAndOfWaitingStories_AreWhatTheIndexHolds()
    {
        await using var host = await StartAsync([Wal, Llm]);
        await CatchUpAsync(host);
        host.WriteFeed("blog.xml", Rss("Blog", Wal, Llm, Zig));
        await host.CollectAllAsync();

        // Story 1 was indexed (the update trigger replaces its entry); story 3 waits (the batch reads its current row).
        await host.ExecuteAsync("UPDATE stories SET summary_text = 'Quokka sightings' WHERE id IN (1, 3)");
        await CatchUpAsync(host);

        Assert.Equal(["1", "3"], await host.QueryStringsAsync(string.Format(Indexed, "quokka")));
        Assert.Equal(["2"], await host.QueryStringsAsync(string.Format(Indexed, "checkpoints")));
        Assert.Empty(await host.QueryStringsAsync(string.Format(Indexed, "lands")));
        await host.ExecuteAsync("INSERT INTO story_search(story_search, rank) VALUES ('integrity-check', 1)");
    }

    [Fact]
    public async Task AStoryStoredUnderTheIdOfADeletedIndexedOne_IsIndexedAtOnce()
    {
        await using var host = await StartAsync([Wal, Llm]);
        await CatchUpAsync(host);
        await host.ExecuteAsync("DELETE FROM stories WHERE id = 2");

        // INTEGER PRIMARY KEY hands out max(id) + 1, so the new story is 2 again, at or below the indexed mark.
        host.WriteFeed("blog.xml", Rss("Blog", Wal, Telescope));
        await host.CollectAllAsync();

        Assert.Equal(["2"], await host.QueryStringsAsync("SELECT id FROM stories WHERE title = 'Radio telescope array maps hydrogen clouds'"));
        Assert.Equal(["2"], await host.QueryStringsAsync(string.Format(Indexed, "hydrogen")));
        Assert.Equal(["1"], await host.QueryStringsAsync(string.Format(Indexed, "checkpoints")));
        await host.ExecuteAsync("INSERT INTO story_search(story_search, rank) VALUES ('integrity-check', 1)");
    }

    [Fact]
    public async Task TheDatabaseCheck_FindsNothingWrong_WhileStoriesWaitForTheIndex()
    {
        await using var host = await StartAsync([Wal, Llm]);

        var report = await host.Services.GetRequiredService<DatabaseChecker>().CheckAsync(Ct);

        Assert.Equal(2, await PendingAsync(host));
        Assert.Empty(report.IntegrityProblems);
        await host.ExecuteAsync("INSERT INTO story_search(story_search) VALUES ('integrity-check')");
    }

    [Fact]
    public async Task ASearch_WhenTheIndexCannotCatchUp_SearchesWhatIsIndexedAndSaysWhatWaits()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await StartAsync([Wal, Llm], settings: new Dictionary<string, string?> { ["Storage:BusyTimeoutMilliseconds"] = "1000" }, logs: logs);
        await CatchUpAsync(host);
        host.WriteFeed("blog.xml", Rss("Blog", Wal, Llm, Zig));
        await host.CollectAllAsync();
        var queries = host.Services.GetRequiredService<StoryQueries>();
        await using var otherWriter = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(Ct);
        await using var holding = (Microsoft.Data.Sqlite.SqliteTransaction)await otherWriter.BeginTransactionAsync(Ct);

        var whileLocked = await queries.SearchAsync("checkpoints", null, null, 5, null, Ct);
        await holding.RollbackAsync(Ct);
        var afterwards = await queries.SearchAsync("zig", null, null, 5, null, Ct);

        Assert.Equal([Llm.Title, Wal.Title], whileLocked.Stories.Select(s => s.Title));
        Assert.Contains(logs.Lines, line => line.Contains("could not take in the 1 newest stories", StringComparison.Ordinal) && line.Contains("locked", StringComparison.Ordinal));
        Assert.Equal([Zig.Title], afterwards.Stories.Select(s => s.Title));
    }

    private static async Task<CoreTestHost> StartAsync(
        Entry[] entries, int? batchStories = null, IDictionary<string, string?>? settings = null, CapturingLoggerProvider? logs = null)
    {
        var host = await CoreTestHost.StartAsync(settings: settings, configure: s =>
        {
            if (batchStories is { } batch)
            {
                s.AddSingleton(sp => new SearchIndexer(sp.GetRequiredService<SqliteConnectionFactory>(), sp.GetRequiredService<StoryWriteGate>(), sp.GetRequiredService<ILogger<SearchIndexer>>()) { BatchStories = batch });
            }

            if (logs is not null)
            {
                s.AddLogging(l => l.AddProvider(logs));
            }
        });
        host.WriteFeed("blog.xml", Rss("Blog", entries));
        host.WriteSources(("Blog", "blog.xml"));
        await host.CollectAllAsync();
        return host;
    }

    private static async Task CatchUpAsync(CoreTestHost host)
    {
        await using var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(Ct);
        await host.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(connection, Ct);
    }

    private static async Task<long> PendingAsync(CoreTestHost host)
    {
        await using var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(Ct);
        return await SearchIndexer.PendingAsync(connection, Ct);
    }
}
