using BotHost.Core.Storage;
using BotHost.Core.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static BotHost.Benchmarks.Stories.BulkStatements;

namespace BotHost.Benchmarks.Stories;

/// <summary>
/// A migrated database in a temporary directory holding <c>count</c> stories, each with its article item,
/// mention and URL key, first seen over the last <see cref="HistoryDays"/> days. Rows are
/// written with the same keys the product computes, in one transaction, so 100,000 stories take seconds.
/// </summary>
internal sealed class StoryDatabase : IAsyncDisposable
{
    public const int HistoryDays = 90;
    public const long SourceId = 1;

    private StoryDatabase(string directory, SqliteConnectionFactory connections, IReadOnlyList<string> recentTitles)
    {
        Directory = directory;
        Connections = connections;
        RecentTitles = recentTitles;
    }

    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public string Directory { get; }

    public SqliteConnectionFactory Connections { get; }

    /// <summary>Titles of stories inside the title-match window, for items that should join them.</summary>
    public IReadOnlyList<string> RecentTitles { get; }

    public static async Task<StoryDatabase> CreateAsync(int count, Headlines headlines, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-bench", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = Path.Combine(directory, "bench.db") }));
        await new DatabaseMigrator(connections, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(cancellationToken);

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(tx, $"INSERT INTO sources(id, location, name, created_at) VALUES ({SourceId}, 'https://bench.example/feed', 'bench', 0)", cancellationToken);

        using var story = Prepare(tx,
            "INSERT INTO stories(id, canonical_url, title, normalized_title_hash, published_at, first_seen_at, mention_count) " +
            "VALUES ($id, $url, $title, $hash, $seen, $seen, 1)", "$id", "$url", "$title", "$hash", "$seen");
        using var item = Prepare(tx,
            "INSERT INTO items(id, source_id, source_item_id, raw_url, canonical_url, title, first_seen_at, last_seen_at) " +
            $"VALUES ($id, {SourceId}, $url, $url, $url, $title, $seen, $seen)", "$id", "$url", "$title", "$seen");
        using var mention = Prepare(tx, $"INSERT INTO story_mentions(story_id, item_id, source_id) VALUES ($id, $id, {SourceId})", "$id");
        using var key = Prepare(tx, "INSERT OR IGNORE INTO story_keys(key, story_id) VALUES ($key, $id)", "$key", "$id");

        var recent = new List<string>();
        var windowStart = Now - StoryClusterer.TitleMatchWindow;
        for (long id = 1; id <= count; id++)
        {
            // Evenly spread and rising with the id, as stories are created when first seen.
            var seen = Now - (TimeSpan.FromDays(HistoryDays) * (count - id) / count);
            var title = headlines.NextTitle();
            var url = UrlCanonicalizer.Canonicalize(headlines.UrlFor(title, id, seen));
            var fingerprint = TitleFingerprinter.Compute(title);
            if (seen >= windowStart && recent.Count < 1_000)
            {
                recent.Add(title);
            }

            await RunAsync(story, [id, url, title, unchecked((long)fingerprint.NormalizedHash), seen.ToUnixTimeMilliseconds()], cancellationToken);
            await RunAsync(item, [id, url, title, seen.ToUnixTimeMilliseconds()], cancellationToken);
            await RunAsync(mention, [id], cancellationToken);
            await RunAsync(key, ["u:" + UrlCanonicalizer.StoryKey(url), id], cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA optimize", cancellationToken);
        return new StoryDatabase(directory, connections, recent);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner; a benchmark result does not depend on it.
        }

        return ValueTask.CompletedTask;
    }

    private static async Task ExecuteAsync(SqliteTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
