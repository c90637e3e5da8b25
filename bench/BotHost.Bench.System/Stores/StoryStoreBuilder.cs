using System.Diagnostics;
using System.Globalization;
using BotHost.Benchmarks.Stories;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotHost.Bench.System.Stores;

/// <summary>
/// Builds a migrated BotHost database holding a given number of stories the way the collector would have left
/// them (one article item and mention per story, one in five also carried by a second source, URL keys, the
/// topic tags, the full-text index), first seen evenly over <see cref="HistoryDays"/> days with
/// ids rising with time. Rows are computed with the product's own fingerprinter and canonicalizer but written in
/// bulk, in one transaction, with the indexes and the full-text trigger rebuilt afterwards: a million stories
/// take about a minute instead of the hours the per-item path would.
/// </summary>
internal static class StoryStoreBuilder
{
    public const int HistoryDays = 90;
    public const int Sources = 400;

    /// <summary>The clock every section runs on: stories end here.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<TimeSpan> BuildAsync(string path, int stories, int seed, TopicVocabulary? vocabulary, TextWriter log, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = path }));
        await new DatabaseMigrator(connections, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(cancellationToken);
        SqliteConnection.ClearAllPools();

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY;");
        var deferred = DropDeferredSchema(connection);
        using (var tx = connection.BeginTransaction())
        {
            Fill(tx, stories, seed, vocabulary);
            log.WriteLine($"    rows written in {stopwatch.Elapsed.TotalSeconds:F1} s");
            foreach (var sql in deferred)
            {
                Execute(tx, sql);
            }

            Execute(tx, "INSERT INTO story_search(story_search) VALUES ('rebuild')");
            // 'rebuild' indexed every story; the search indexer's mark says so (migration 0008).
            Execute(tx, "UPDATE story_search_state SET indexed_through = (SELECT COALESCE(MAX(id), 0) FROM stories)");
            tx.Commit();
        }

        log.WriteLine($"    indexes and full-text index in {stopwatch.Elapsed.TotalSeconds:F1} s");
        Execute(connection, "PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = WAL; ANALYZE;");
        return stopwatch.Elapsed;
    }

    /// <summary>Secondary indexes and the full-text insert trigger: dropped for the load, recreated (same SQL) after it.</summary>
    private static List<string> DropDeferredSchema(SqliteConnection connection)
    {
        var deferred = new List<string>();
        using var read = connection.CreateCommand();
        read.CommandText =
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND " +
            "((type = 'index' AND tbl_name IN ('stories', 'items', 'story_keys', 'story_mentions', 'story_topics')) OR (type = 'trigger' AND name = 'stories_ai'))";
        var drops = new List<string>();
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                drops.Add($"DROP {reader.GetString(0).ToUpperInvariant()} {reader.GetString(1)}");
                deferred.Add(reader.GetString(2));
            }
        }

        foreach (var drop in drops)
        {
            Execute(connection, drop);
        }

        return deferred;
    }

    private static void Fill(SqliteTransaction tx, int count, int seed, TopicVocabulary? vocabulary)
    {
        var headlines = new Headlines(seed);
        var random = new Random(seed);
        using (var sources = new BulkInserter(tx, "sources", "id", "location", "name", "first_fetch_done", "last_success_at", "created_at"))
        {
            for (var s = 1; s <= Sources; s++)
            {
                sources.Add(s, $"https://feeds{s}.example.org/rss", $"Feed {s}", 1, Now.ToUnixTimeMilliseconds(), 0);
            }

            sources.Flush();
        }

        var keys = new List<(string Key, long Story)>(count + (count / 4));
        using var storyRows = new BulkInserter(tx, "stories", "id", "canonical_url", "title", "summary_text", "normalized_title_hash", "published_at", "first_seen_at", "mention_count", "is_backlog");
        using var itemRows = new BulkInserter(tx, "items", "id", "source_id", "source_item_id", "raw_url", "canonical_url", "title", "summary_text", "published_at", "first_seen_at", "last_seen_at");
        using var mentionRows = new BulkInserter(tx, "story_mentions", "story_id", "item_id", "source_id", "matched_by");
        using var topicRows = new BulkInserter(tx, "story_topics", "story_id", "topic", "matched_term");
        var secondItemId = (long)count;
        for (long id = 1; id <= count; id++)
        {
            // Evenly spread and rising with the id, as stories are created when first seen.
            var seen = (Now - (TimeSpan.FromDays(HistoryDays) * ((count - id) / (double)count))).ToUnixTimeMilliseconds();
            var title = headlines.NextTitle();
            var summary = headlines.NextTitle() + ", and " + headlines.NextTitle().ToLowerInvariant() + ".";
            var url = UrlCanonicalizer.Canonicalize(headlines.UrlFor(title, id, DateTimeOffset.FromUnixTimeMilliseconds(seen)));
            var fingerprint = TitleFingerprinter.Compute(title);
            var source = 1 + random.Next(Sources);
            var alsoElsewhere = random.Next(5) == 0;

            storyRows.Add(id, url, title, summary, unchecked((long)fingerprint.NormalizedHash), seen, seen, alsoElsewhere ? 2 : 1, 0);
            itemRows.Add(id, source, url, url, url, title, summary, seen, seen, seen);
            mentionRows.Add(id, id, source, ClusterDecision.ByCreation);
            keys.Add(("u:" + UrlCanonicalizer.StoryKey(url), id));
            if (alsoElsewhere)
            {
                // An aggregator's item for the same article: its own discussion link, joined by URL.
                var itemId = ++secondItemId;
                var other = 1 + ((source + random.Next(Sources - 1)) % Sources);
                var thread = string.Create(CultureInfo.InvariantCulture, $"https://news.example.com/item?id={itemId}");
                itemRows.Add(itemId, other, thread, url, url, title, "", seen, seen, seen);
                mentionRows.Add(id, itemId, other, ClusterDecision.ByUrl);
                keys.Add(("u:" + UrlCanonicalizer.StoryKey(thread), id));
            }

            if (vocabulary is not null)
            {
                foreach (var topic in vocabulary.Topics)
                {
                    if (vocabulary.FirstMatch(topic, title) is { } term)
                    {
                        topicRows.Add(id, topic, term);
                    }
                }
            }
        }

        storyRows.Flush();
        itemRows.Flush();
        mentionRows.Flush();
        topicRows.Flush();

        // Primary-key order, so each B-tree is appended to rather than split at random.
        keys.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        using (var keyRows = new BulkInserter(tx, "story_keys", "key", "story_id"))
        {
            foreach (var (key, story) in keys)
            {
                keyRows.Add(key, story);
            }

            keyRows.Flush();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteTransaction tx, string sql)
    {
        using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
