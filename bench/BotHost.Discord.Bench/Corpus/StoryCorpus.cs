using System.Diagnostics;
using System.Globalization;
using System.Text;
using BotHost.Benchmarks.Stories;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static BotHost.Benchmarks.Stories.BulkStatements;

namespace BotHost.Discord.Bench.Corpus;

/// <summary>
/// A migrated BotHost database holding N collected stories, built once per size with a fixed seed and cached in
/// bench/.corpus/ (git-ignored). The bulk loader writes, in one transaction, the rows the readers these benchmarks
/// drive look at: sources, stories (the FTS index fills through the schema's own trigger), their items and
/// mentions (one in five stories is carried by 2-4 sources) and story topics. It leaves out story_keys,
/// which only ingest reads. Stories are first seen evenly over <see cref="HistoryDays"/> days
/// up to <see cref="Now"/>, ids rising with time, as the collector creates them.
/// </summary>
internal static class StoryCorpus
{
    public const int HistoryDays = 90;
    public const int SourceCount = 120;
    private const int Seed = 13;
    private const int Version = 1;

    /// <summary>The corpus's "now": the bot under test runs on a clock moved here (see <see cref="ShiftedTimeProvider"/>).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Topics tagged on one story in eight; names from config/topics.json.</summary>
    public static readonly string[] Topics = ["backend", "devops", "security", "databases", "ai"];

    /// <summary>The cached database for <paramref name="stories"/> stories, built first when missing.</summary>
    public static async Task<string> EnsureAsync(string corpusDirectory, int stories, CancellationToken cancellationToken)
    {
        var path = Path.Combine(corpusDirectory, string.Create(CultureInfo.InvariantCulture, $"bot-stories-{stories}-s{Seed}-v{Version}.db"));
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(corpusDirectory);
        var building = path + ".building";
        File.Delete(building);
        var stopwatch = Stopwatch.StartNew();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"building the {stories:N0}-story corpus (once; cached as {path}) ..."));
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = building }));
        await new DatabaseMigrator(connections, TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(cancellationToken);
        await FillAsync(connections, stories, cancellationToken);
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  built in {stopwatch.Elapsed.TotalSeconds:F1} s, {new FileInfo(path).Length / 1e6:F0} MB"));
        return path;
    }

    private static async Task FillAsync(SqliteConnectionFactory connections, int count, CancellationToken cancellationToken)
    {
        var headlines = new Headlines(Seed);
        var random = new Random(Seed);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using (var source = Prepare(tx, "INSERT INTO sources(id, location, name, created_at, first_fetch_done) VALUES ($id, $location, $name, 0, 1)", "$id", "$location", "$name"))
        {
            for (var id = 1; id <= SourceCount; id++)
            {
                Run(source, id, string.Create(CultureInfo.InvariantCulture, $"https://feeds.bench.example/{id}.xml"), SourceName(id));
            }
        }

        using var story = Prepare(tx,
            "INSERT INTO stories(id, canonical_url, title, summary_text, normalized_title_hash, published_at, first_seen_at, mention_count) " +
            "VALUES ($id, $url, $title, $summary, $hash, $seen, $seen, $mentions)", "$id", "$url", "$title", "$summary", "$hash", "$seen", "$mentions");
        using var item = Prepare(tx,
            "INSERT INTO items(id, source_id, source_item_id, raw_url, canonical_url, title, summary_text, published_at, first_seen_at, last_seen_at) " +
            "VALUES ($id, $source, $url, $url, $url, $title, $summary, $seen, $seen, $seen)", "$id", "$source", "$url", "$title", "$summary", "$seen");
        using var mention = Prepare(tx, "INSERT INTO story_mentions(story_id, item_id, source_id, matched_by) VALUES ($story, $item, $source, 'url')", "$story", "$item", "$source");
        using var topic = Prepare(tx, "INSERT INTO story_topics(story_id, topic, matched_term) VALUES ($story, $topic, $topic)", "$story", "$topic");

        long itemId = 0;
        for (long id = 1; id <= count; id++)
        {
            var seen = Now.ToUnixTimeMilliseconds() - (long)(TimeSpan.FromDays(HistoryDays).TotalMilliseconds * (count - id) / count);
            var title = headlines.NextTitle();
            var url = UrlCanonicalizer.Canonicalize(headlines.UrlFor(title, id, Now));
            var summary = Summary(headlines, random);
            var mentions = random.Next(5) == 0 ? 2 + random.Next(3) : 1;
            Run(story, id, url, title, summary, unchecked((long)TitleFingerprinter.Compute(title).NormalizedHash), seen, mentions);
            var firstSource = 1 + random.Next(SourceCount);
            for (var m = 0; m < mentions; m++)
            {
                var sourceId = 1 + ((firstSource - 1 + (m * 37)) % SourceCount);
                var itemUrl = m == 0 ? url : url + "#via-" + sourceId.ToString(CultureInfo.InvariantCulture);
                Run(item, ++itemId, sourceId, itemUrl, title, summary, seen + (m * 60_000L));
                Run(mention, id, itemId, sourceId);
            }

            if (random.Next(8) == 0)
            {
                Run(topic, id, Topics[random.Next(Topics.Length)]);
            }
        }

        using (var gate = new StoryWriteGate())
        await using (var sql = new TransactionCommands(tx))
        {
            // One batch for the whole corpus, as the collector's batches would have left it (migration 0008).
            await new SearchIndexer(connections, gate, NullLogger<SearchIndexer>.Instance).IndexPendingAsync(sql, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        await using var optimize = connection.CreateCommand();
        optimize.CommandText = "PRAGMA optimize";
        await optimize.ExecuteNonQueryAsync(cancellationToken);
    }

    public static string SourceName(int id) => string.Create(CultureInfo.InvariantCulture, $"Bench Source {id:D3}");

    // About thirty words drawn from headlines: what a feed's description cut to a summary looks like to FTS.
    private static string Summary(Headlines headlines, Random random)
    {
        var text = new StringBuilder(200);
        var sentences = 2 + random.Next(2);
        for (var i = 0; i < sentences; i++)
        {
            text.Append(headlines.NextTitle()).Append(". ");
        }

        return text.ToString().TrimEnd();
    }
}
