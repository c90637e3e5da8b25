using System.Globalization;
using BotHost.Core.Collecting;
using BotHost.Core.Sources;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Storage;

/// <summary>
/// The database fails while a feed is being stored: disk full, a read-only file, a lock held by someone else.
/// The source gets a clear error and is retried later, nothing already stored is lost, the file stays sound.
/// </summary>
[Collection(nameof(ConnectionPoolSensitiveCollection))]
public sealed class StorageFaultTests
{
    private static readonly Entry[] FirstPosts =
    [
        new("p-1", "How the SQLite write-ahead log works", "https://blog.example.com/wal", Description: "Readers never block writers, and why."),
        new("p-2", "Why LinkedIn built Kafka and what it changed", "https://blog.example.com/kafka", Description: "A history of the log-based message broker."),
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collect_WhenTheDiskFillsDuringIngest_RecordsWhyStoresNothingPartialAndSucceedsOnceThereIsRoom()
    {
        await using var host = await StartWithStoredPostsAsync();
        var stored = await host.QueryStringsAsync(StoredSql);
        host.WriteFeed("blog.xml", Rss("Blog", [.. FirstPosts, .. ManyPosts(60)]));
        var pages = Assert.Single(await host.QueryStringsAsync("PRAGMA page_count"));

        // max_page_count is per connection: set it on the one pooled connection the collector will reuse.
        await OnThePooledConnectionAsync(host, $"PRAGMA max_page_count = {pages}");
        var full = Assert.Single(await host.CollectAllAsync());
        SqliteConnection.ClearAllPools();

        Assert.Equal(CollectionStatus.Failed, full.Status);
        Assert.Contains("is full", full.Error, StringComparison.Ordinal);
        await AssertRecordedAndRetriedLaterAsync(host, "is full");
        Assert.Equal(stored, await host.QueryStringsAsync(StoredSql));
        Assert.Equal(["ok"], await host.QueryStringsAsync("PRAGMA integrity_check"));

        host.Time.Advance(TimeSpan.FromHours(1));
        var retried = Assert.Single(await host.CollectAllAsync());
        Assert.Equal(CollectionStatus.Collected, retried.Status);
        Assert.Equal(60, retried.Ingest.NewItems);
    }

    [Fact]
    public async Task Collect_WhenTheFileTurnsReadOnlyDuringIngest_SaysSoEvenThoughItCannotRecordItAndSucceedsOnceWritable()
    {
        var parser = new ScriptedParser();
        await using var host = await StartWithStoredPostsAsync(configure: s => s.AddSingleton<IFeedDocumentParser>(parser));
        var stored = await host.QueryStringsAsync(StoredSql);
        host.WriteFeed("blog.xml", Rss("Blog", [.. FirstPosts, .. ManyPosts(3)]));
        using var gate = new BlockingParse();
        parser.Script("blog.xml", gate.IgnoringToken);

        // query_only fails writes exactly as a read-only file does (SQLITE_READONLY), also when tests run as root.
        var collect = CollectOneAsync(host);
        await gate.Started.Task.WaitAsync(BlockingParse.SignalTimeout, Token);
        await OnThePooledConnectionAsync(host, "PRAGMA query_only = ON");
        parser.Unscript("blog.xml");
        gate.Release();
        var readOnly = await collect.WaitAsync(BlockingParse.SignalTimeout, Token);
        SqliteConnection.ClearAllPools();

        Assert.Equal(CollectionStatus.Failed, readOnly.Status);
        Assert.Contains("Storing its items failed", readOnly.Error, StringComparison.Ordinal);
        Assert.Contains("is read-only", readOnly.Error, StringComparison.Ordinal);
        Assert.Contains("could not be recorded either", readOnly.Error, StringComparison.Ordinal);
        Assert.Equal(stored, await host.QueryStringsAsync(StoredSql));
        Assert.Equal(["ok"], await host.QueryStringsAsync("PRAGMA integrity_check"));

        var retried = await CollectOneAsync(host);
        Assert.Equal(CollectionStatus.Collected, retried.Status);
        Assert.Equal(3, retried.Ingest.NewItems);
    }

    [Fact]
    public async Task Collect_WhenAnotherWriterHoldsTheDatabaseDuringIngest_RecordsThatItWasLockedAndSucceedsLater()
    {
        var parser = new ScriptedParser();
        var logs = new CapturingLoggerProvider();
        await using var host = await StartWithStoredPostsAsync(
            new Dictionary<string, string?> { ["Storage:BusyTimeoutMilliseconds"] = "1000" },
            s => s.AddSingleton<IFeedDocumentParser>(parser).AddLogging(l => l.AddProvider(logs)));
        var stored = await host.QueryStringsAsync(StoredSql);
        host.WriteFeed("blog.xml", Rss("Blog", [.. FirstPosts, .. ManyPosts(3)]));
        using var gate = new BlockingParse();
        parser.Script("blog.xml", gate.IgnoringToken);
        await using var otherWriter = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = host.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath,
            Pooling = false,
        }.ToString());
        await otherWriter.OpenAsync(Token);

        var collect = CollectOneAsync(host);
        await gate.Started.Task.WaitAsync(BlockingParse.SignalTimeout, Token);
        await ExecuteAsync(otherWriter, "BEGIN IMMEDIATE");
        parser.Unscript("blog.xml");
        gate.Release();
        await logs.WaitForAsync("Collecting Blog failed unexpectedly");
        await ExecuteAsync(otherWriter, "COMMIT");
        var locked = await collect.WaitAsync(BlockingParse.SignalTimeout, Token);

        Assert.Equal(CollectionStatus.Failed, locked.Status);
        Assert.Contains("stayed locked", locked.Error, StringComparison.Ordinal);
        // Nothing was assigned before the lock stopped it, so the title index keeps the stored stories (no re-read).
        Assert.Equal(2, host.Services.GetRequiredService<TitleBandIndex>().StoryCount);
        await AssertRecordedAndRetriedLaterAsync(host, "stayed locked");
        Assert.Equal(stored, await host.QueryStringsAsync(StoredSql));
        Assert.Equal(["ok"], await host.QueryStringsAsync("PRAGMA integrity_check"));

        var retried = await CollectOneAsync(host);
        Assert.Equal(CollectionStatus.Collected, retried.Status);
        Assert.Equal(3, retried.Ingest.NewItems);
    }

    private const string StoredSql =
        "SELECT 'story ' || id || ' ' || title || ' ' || mention_count FROM stories UNION ALL SELECT 'item ' || id || ' ' || title FROM items";

    private static async Task<CoreTestHost> StartWithStoredPostsAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var host = await CoreTestHost.StartAsync(settings: settings, configure: configure);
        host.WriteFeed("blog.xml", Rss("Blog", FirstPosts));
        host.WriteSources(("Blog", "blog.xml"));
        var first = Assert.Single(await host.CollectAllAsync());
        Assert.Equal(2, first.Ingest.NewItems);
        return host;
    }

    private static Task<CollectionOutcome> CollectOneAsync(CoreTestHost host) =>
        host.Services.GetRequiredService<CollectionRound>().CollectOneAsync(host.Services.GetRequiredService<SourceCatalog>().Sources.Single(), force: true, Token);

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Token);
    }

    private static Entry[] ManyPosts(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new Entry(
            $"n-{i}", $"Post number {i} about storage engines and their trade-offs", $"https://blog.example.com/posts/{i}",
            Description: string.Concat(Enumerable.Repeat($"Paragraph {i} on pages, journals and checkpoints. ", 12))))];

    /// <summary>
    /// Runs <paramref name="sql"/> on a connection from the factory and returns it to the pool: Microsoft.Data.Sqlite
    /// hands that same connection, with its per-connection state, to the next sequential open.
    /// </summary>
    private static async Task OnThePooledConnectionAsync(CoreTestHost host, string sql)
    {
        SqliteConnection.ClearAllPools();
        await using var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Token);
    }

    private static async Task AssertRecordedAndRetriedLaterAsync(CoreTestHost host, string reason)
    {
        var row = Assert.Single(await host.QueryStringsAsync("SELECT consecutive_failures || '|' || next_fetch_at || '|' || last_error FROM sources"));
        var fields = row.Split('|', 3);
        Assert.Equal("1", fields[0]);
        Assert.True(long.Parse(fields[1], CultureInfo.InvariantCulture) > host.Time.GetUtcNow().ToUnixTimeMilliseconds(), "the source must be retried later, not at once");
        Assert.Contains(reason, fields[2], StringComparison.Ordinal);
    }
}
