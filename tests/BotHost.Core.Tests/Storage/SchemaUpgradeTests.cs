using BotHost.Core.Storage;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Storage;

/// <summary>
/// Upgrading TestData/Storage/schema-0001.db: a database written by BotHost at schema version 1 (three
/// sources, one failing, with validators; backlog and live items, one dropped by curation; stories with
/// keys, title bands, mentions and their search index; a delivery; a setting). Whatever migrations later
/// versions add, every row a version-1 table held must come out of the upgrade unchanged.
/// </summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    // Each version-1 table with the columns it had at version 1 and a total order over its rows.
    private static readonly (string Table, string Columns, string OrderBy)[] Version1Tables =
    [
        ("sources", "id, location, name, etag, last_modified, last_attempt_at, last_success_at, consecutive_failures, failing_since, last_error, next_fetch_at, first_fetch_done, created_at", "id"),
        ("stories", "id, canonical_url, title, summary_text, normalized_title_hash, published_at, first_seen_at, mention_count, is_backlog", "id"),
        ("story_keys", "key, story_id", "key"),
        ("story_title_bands", "band_key, story_id", "band_key, story_id"),
        ("items", "id, source_id, source_item_id, raw_url, canonical_url, comments_url, title, summary_text, published_at, first_seen_at, last_seen_at, is_backlog, dropped_reason, dropped_explanation", "id"),
        ("story_mentions", "story_id, item_id, source_id", "story_id, item_id"),
        ("deliveries", "id, channel_key, story_id, created_at", "id"),
        ("settings", "key, value", "key"),
    ];

    // Tables a later migration kept under a new name (0004 replaced `deliveries` with the outbox); their rows must survive there.
    private static readonly Dictionary<string, string> RenamedTables = new(StringComparer.Ordinal) { ["deliveries"] = "deliveries_v1" };

    // Tables of derived data a later migration dropped: 0007 moved title bands to memory, rebuilt from the stories.
    private static readonly HashSet<string> DroppedTables = new(StringComparer.Ordinal) { "story_title_bands" };

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));

    public SchemaUpgradeTests()
    {
        Directory.CreateDirectory(_directory);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "Storage", "schema-0001.db"), DatabasePath);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_directory, "bothost.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();

        // A CoreTestHost on the directory deletes it when disposed.
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Migrate_DatabaseWrittenAtSchema1_ReachesTheLatestVersionWithEveryRowIntact()
    {
        var before = await SnapshotAsync();
        Assert.Equal(["1"], await QueryAsync("SELECT MAX(version) FROM schema_version"));
        Assert.All(Version1Tables, t => Assert.NotEmpty(before[t.Table]));

        await using var host = await CoreTestHost.StartAsync(_directory);

        Assert.Equal([DatabaseMigrator.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)], await QueryAsync("SELECT MAX(version) FROM schema_version"));
        var after = await SnapshotAsync();
        Assert.All(Version1Tables.Where(t => !DroppedTables.Contains(t.Table)), t => Assert.Equal(before[t.Table], after[t.Table]));
        Assert.All(DroppedTables, t => Assert.False(after.ContainsKey(t)));
        Assert.Equal(["ok"], await QueryAsync("PRAGMA integrity_check"));
        Assert.Empty(await QueryAsync("PRAGMA foreign_key_check"));
        Assert.Equal(["3"], await QueryAsync("SELECT rowid FROM story_search WHERE story_search MATCH 'outbox'"));
    }

    [Fact]
    public async Task Collect_AfterTheUpgrade_JoinsAStoryStoredAtSchema1InsteadOfDuplicatingIt()
    {
        await using var host = await CoreTestHost.StartAsync(_directory);
        host.WriteFeed("lobsters.xml", Rss("Lobsters", new Entry("l-1", "The transactional outbox pattern, explained with SQLite", "https://eng.example.com/posts/outbox?utm_medium=social")));
        host.WriteSources(("Lobsters", "lobsters.xml"));

        var outcome = Assert.Single(await host.CollectAllAsync());

        Assert.Equal(1, outcome.Ingest.JoinedExistingStories);
        Assert.Equal(4, await host.CountAsync("stories"));
        Assert.Equal(["3"], await host.QueryStringsAsync("SELECT mention_count FROM stories WHERE id = 3"));
    }

    [Fact]
    public async Task Prune_AfterTheUpgrade_KeepsTheStoriesSchema1DeliveriesNamed()
    {
        await using var host = await CoreTestHost.StartAsync(_directory);
        var delivered = await host.QueryStringsAsync("SELECT story_id FROM deliveries_v1");
        host.Time.Advance(TimeSpan.FromDays(400));

        var (_, pruned) = await host.Services.GetRequiredService<RetentionPruner>().PruneAsync(Token);

        Assert.NotEmpty(delivered);
        Assert.True(pruned > 0, "the fixture's other stories are past retention and should be pruned");
        var kept = await host.QueryStringsAsync("SELECT id FROM stories");
        Assert.All(delivered, id => Assert.Contains(id, kept));
    }

    [Fact]
    public async Task Migrate_WhenAMigrationFails_RollsItBackWholeAndLeavesTheVersionAndTheRowsUnchanged()
    {
        var before = await SnapshotAsync();
        var broken = new Migration(DatabaseMigrator.LatestVersion + 1, "broken_on_purpose",
            "CREATE TABLE half_done (id INTEGER PRIMARY KEY); INSERT INTO half_done VALUES (1); " +
            "UPDATE sources SET name = 'renamed by a broken migration'; INSERT INTO no_such_table VALUES (1);");
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = DatabasePath }));
        var migrator = new DatabaseMigrator(connections, new FakeTimeProvider(CoreTestHost.Start), NullLogger<DatabaseMigrator>.Instance,
            [.. DatabaseMigrator.EmbeddedMigrations, broken]);

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => migrator.MigrateAsync(Token));

        SqliteConnection.ClearAllPools();
        Assert.Equal(broken.Version, error.FailedVersion);
        Assert.Equal(DatabaseMigrator.LatestVersion, error.KeptVersion);
        Assert.Contains($"migration {broken.Version} (broken_on_purpose)", error.Message, StringComparison.Ordinal);
        Assert.Contains("rolled back", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Equal([DatabaseMigrator.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)], await QueryAsync("SELECT MAX(version) FROM schema_version"));
        Assert.Empty(await QueryAsync("SELECT name FROM sqlite_master WHERE name = 'half_done'"));
        var after = await SnapshotAsync();
        Assert.All(Version1Tables.Where(t => !DroppedTables.Contains(t.Table)), t => Assert.Equal(before[t.Table], after[t.Table]));
    }

    private async Task<Dictionary<string, List<string>>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (table, columns, orderBy) in Version1Tables)
        {
            var present = await QueryAsync($"SELECT name FROM sqlite_master WHERE type = 'table' AND name = '{table}'");
            if (present.Count == 0 && DroppedTables.Contains(table))
            {
                continue;
            }

            var current = present.Count == 0 && RenamedTables.TryGetValue(table, out var renamed) ? renamed : table;
            snapshot[table] = await QueryAsync($"SELECT {columns} FROM {current} ORDER BY {orderBy}");
        }

        return snapshot;
    }

    private Task<List<string>> QueryAsync(string sql) => DatabaseFile.QueryAsync(DatabasePath, sql, Token);
}
