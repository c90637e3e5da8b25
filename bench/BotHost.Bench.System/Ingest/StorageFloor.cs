using System.Diagnostics;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Sources;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotHost.Bench.System.Ingest;

/// <summary>
/// The baseline for ingest's storage cost: for every item of a corpus, the rows ingest writes for a new item that
/// starts a story (the item, the story, its URL key, the mention and the mention count, and the story's full-text
/// entry in the search indexer's batches), written by prepared statements alone, one transaction per feed, on the
/// same schema and pragmas, with no lookup, matching or curation. Ingest cannot be faster than this on the machine
/// that ran it.
/// </summary>
internal static class StorageFloor
{
    private const string InsertItem =
        "INSERT INTO items(source_id, source_item_id, raw_url, canonical_url, comments_url, title, summary_text, published_at, first_seen_at, last_seen_at) " +
        "VALUES ($source, $id, $url, $url, NULL, $title, $summary, $now, $now, $now) RETURNING id";
    private const string InsertStory =
        "INSERT INTO stories(canonical_url, title, summary_text, normalized_title_hash, published_at, first_seen_at) " +
        "VALUES ($url, $title, $summary, 0, $now, $now) RETURNING id";
    private const string InsertKey = "INSERT OR IGNORE INTO story_keys(key, story_id) VALUES ($key, $story)";
    private const string InsertMention = "INSERT INTO story_mentions(story_id, item_id, source_id, matched_by) VALUES ($story, $item, $source, 'created')";
    private const string CountMention = "UPDATE stories SET mention_count = mention_count + 1 WHERE id = $story";

    /// <summary>Items per second written into <paramref name="databasePath"/> (which it changes) for the feeds <paramref name="sourcesFile"/> lists.</summary>
    public static async Task<double> ItemsPerSecondAsync(string databasePath, string sourcesFile, CancellationToken cancellationToken)
    {
        var parser = new FeedParser(maxItems: 1_000_000);
        var feeds = SourcesFileReader.Read(sourcesFile, TimeSpan.FromMinutes(15))
            .Select(s => (Location: "floor:" + s.Location, parser.Parse(File.ReadAllBytes(s.Location), new FeedParseContext(new Uri("https://bench.example/feed"))).Items))
            .ToList();
        var factory = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = databasePath }));
        using var gate = new StoryWriteGate();
        var search = new SearchIndexer(factory, gate, NullLogger<SearchIndexer>.Instance);
        await using var connection = await factory.OpenAsync(cancellationToken);
        await Execute(connection, "PRAGMA cache_size = -65536", cancellationToken);
        var sourceIds = new List<long>();
        foreach (var (location, _) in feeds)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO sources(location, name, created_at) VALUES ($location, $location, 0) RETURNING id";
            insert.Parameters.AddWithValue("$location", location);
            sourceIds.Add((long)(await insert.ExecuteScalarAsync(cancellationToken))!);
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var items = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var f = 0; f < feeds.Count; f++)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var sql = new TransactionCommands(tx);
            // A feed that lists an item twice stores it once, as ingest does.
            foreach (var item in feeds[f].Items.DistinctBy(i => i.Id))
            {
                var url = item.Url ?? item.Id;
                var itemId = (long)(await sql.Command(InsertItem, ["$source", "$id", "$url", "$title", "$summary", "$now"], [sourceIds[f], item.Id, url, item.Title, item.SummaryText, now])
                    .ExecuteScalarAsync(cancellationToken))!;
                var storyId = (long)(await sql.Command(InsertStory, ["$url", "$title", "$summary", "$now"], [url, item.Title, item.SummaryText, now])
                    .ExecuteScalarAsync(cancellationToken))!;
                await sql.Command(InsertKey, ["$key", "$story"], ["u:" + url, storyId]).ExecuteNonQueryAsync(cancellationToken);
                await sql.Command(InsertMention, ["$story", "$item", "$source"], [storyId, itemId, sourceIds[f]]).ExecuteNonQueryAsync(cancellationToken);
                await sql.Command(CountMention, ["$story"], [storyId]).ExecuteNonQueryAsync(cancellationToken);
                items++;
            }

            await search.IndexFullBatchAsync(sql, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }

        await search.CatchUpAsync(connection, cancellationToken);
        return items / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task Execute(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
