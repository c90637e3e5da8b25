using BotHost.Core.Storage;
using BotHost.Core.Stories;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Stories;

/// <summary>
/// Title bands live in memory (<see cref="TitleBandIndex"/>): these prove near-duplicate matching still sees what the
/// database holds after a restart, after a rolled-back transaction and as the match window moves.
/// </summary>
public sealed class TitleIndexPersistenceTests
{
    private const string Excel = "Streaming 25 Million Excel Cells Through 7 MB of Memory";
    private const string ExcelOnHn = "Show HN: Streaming 25 million Excel cells through 7 MB of memory";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NearDuplicateTitle_AfterARestart_JoinsTheStoryStoredBeforeIt()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        var before = await CoreTestHost.StartAsync(directory);
        before.WriteFeed("devto.xml", Rss("dev.to", new Entry("d-1", Excel, "https://dev.to/lukas/streaming-excel")));
        before.WriteSources(("dev.to", "devto.xml"));
        await before.CollectAllAsync();
        await before.StopAsync();

        await using var after = await CoreTestHost.StartAsync(directory, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(CoreTestHost.Start.AddHours(1)));
        after.WriteFeed("hn.xml", Rss("HN", new Entry("h-1", ExcelOnHn, "https://github.com/lukas/xlsx-stream")));
        after.WriteSources(("dev.to", "devto.xml"), ("Hacker News", "hn.xml"));
        var outcomes = await after.CollectAllAsync();

        Assert.Equal(1, outcomes.Single(o => o.SourceName == "Hacker News").Ingest.JoinedExistingStories);
        Assert.Equal(1, await after.CountAsync("stories"));
    }

    [Fact]
    public async Task StoryStoredAfterARolledBackAssignment_IsFoundByTitle_OnceTheClustererForgetsWhatWasNotCommitted()
    {
        await using var host = await CoreTestHost.StartAsync();
        var clusterer = host.Services.GetRequiredService<StoryClusterer>();
        var connections = host.Services.GetRequiredService<SqliteConnectionFactory>();
        var now = CoreTestHost.Start;

        // A feed's transaction creates a story and rolls back: its id will be handed out again.
        var rolledBack = await InTransactionAsync(connections, commit: false, async sql => await clusterer.AssignAsync(sql, await CandidateAsync(sql, "Radio telescope array maps hydrogen clouds", "https://science.example.net/hydrogen", now), Token));
        clusterer.ForgetUncommitted();

        // Another writer (a member sharing a link) stores a story under that id.
        var shared = await host.Services.GetRequiredService<SharedStoryRecorder>().FindOrCreateAsync(
            "https://blog.example.com/streaming-excel", Excel, string.Empty, now, Token);
        Assert.Equal(rolledBack.StoryId, shared.StoryId);

        var joined = await InTransactionAsync(connections, commit: true, async sql => await clusterer.AssignAsync(sql, await CandidateAsync(sql, ExcelOnHn, "https://github.com/lukas/xlsx-stream", now), Token));

        Assert.False(joined.Created);
        Assert.Equal(shared.StoryId, joined.StoryId);
        Assert.StartsWith(ClusterDecision.ByTitle, joined.MatchedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NearDuplicateTitle_OfAStoryOlderThanTheMatchWindow_StartsANewStory_AndTheIndexDropsWhatLeftTheWindow()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(CoreTestHost.Start);
        await using var host = await CoreTestHost.StartAsync(time: time);
        host.WriteFeed("devto.xml", Rss("dev.to", new Entry("d-1", Excel, "https://dev.to/lukas/streaming-excel")));
        host.WriteSources(("dev.to", "devto.xml"), ("Hacker News", "hn.xml"));
        host.WriteFeed("hn.xml", Rss("HN"));
        await host.CollectAllAsync();
        var index = host.Services.GetRequiredService<TitleBandIndex>();
        Assert.Equal(1, index.StoryCount);

        time.Advance(StoryClusterer.TitleMatchWindow * 2 + TimeSpan.FromDays(1));
        host.WriteFeed("hn.xml", Rss("HN", new Entry("h-1", ExcelOnHn, "https://github.com/lukas/xlsx-stream", PubDate: "Tue, 22 Dec 2026 10:00:00 GMT")));
        var outcomes = await host.CollectAllAsync();

        Assert.Equal(1, outcomes.Single(o => o.SourceName == "Hacker News").Ingest.NewStories);
        Assert.Equal(2, await host.CountAsync("stories"));
        Assert.Equal(1, index.StoryCount);
    }

    // A mention needs its source and item rows.
    private static async Task<StoryCandidate> CandidateAsync(TransactionCommands sql, string title, string url, DateTimeOffset now)
    {
        var source = (long)(await sql.Command("INSERT INTO sources(location, name, created_at) VALUES ($url, $url, 0) RETURNING id", ["$url"], [url]).ExecuteScalarAsync(Token))!;
        var item = (long)(await sql.Command(
            "INSERT INTO items(source_id, source_item_id, title, first_seen_at, last_seen_at) VALUES ($source, $url, $title, 0, 0) RETURNING id",
            ["$source", "$url", "$title"], [source, url, title]).ExecuteScalarAsync(Token))!;
        return new StoryCandidate(item, source, title, string.Empty, url, null, now, now, IsBacklog: false);
    }

    private static async Task<ClusterDecision> InTransactionAsync(SqliteConnectionFactory connections, bool commit, Func<TransactionCommands, Task<ClusterDecision>> work)
    {
        await using var connection = await connections.OpenAsync(Token);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Token);
        await using var sql = new TransactionCommands(tx);
        var decision = await work(sql);
        if (commit)
        {
            await tx.CommitAsync(Token);
        }
        else
        {
            await tx.RollbackAsync(Token);
        }

        return decision;
    }
}
