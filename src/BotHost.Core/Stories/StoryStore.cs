using System.Globalization;
using BotHost.Core.Storage;

namespace BotHost.Core.Stories;

/// <summary>
/// SQL for stories, their match keys, title bands and mentions. Runs inside the caller's transaction, through its
/// <see cref="TransactionCommands"/>, so a feed's items reuse each prepared statement.
/// </summary>
public sealed class StoryStore
{
    public const int MaxRowsPerProbe = 256;

    private const string FindByKey = "SELECT story_id FROM story_keys WHERE key = $key";
    private const string FirstInWindow = "SELECT id FROM stories WHERE first_seen_at >= $since ORDER BY first_seen_at, id LIMIT 1";
    private const string TitlesInWindow = "SELECT id, title FROM stories WHERE id IN (SELECT value FROM json_each($ids)) AND first_seen_at >= $since";
    private const string Create =
        "INSERT INTO stories(canonical_url, title, summary_text, normalized_title_hash, published_at, first_seen_at, is_backlog) " +
        "VALUES ($url, $title, $summary, $hash, $published, $seen, $backlog) RETURNING id";
    private const string FillSummary = "UPDATE stories SET summary_text = $summary WHERE id = $story AND summary_text = ''";
    private const string MarkLive = "UPDATE stories SET is_backlog = 0 WHERE id = $story AND is_backlog = 1";
    private const string AddKey = "INSERT OR IGNORE INTO story_keys(key, story_id) VALUES ($key, $story)";
    private const string AddTopic = "INSERT OR IGNORE INTO story_topics(story_id, topic, matched_term) VALUES ($story, $topic, $term)";
    private const string AddMention = "INSERT OR IGNORE INTO story_mentions(story_id, item_id, source_id, matched_by) VALUES ($story, $item, $source, $matchedBy) RETURNING 1";

    // A mention is only ever added here, so the count moves by one when one was added; counting the story's
    // mentions again made every join cost as much as the story had mentions (quadratic on a story many feeds carry).
    private const string CountMention = "UPDATE stories SET mention_count = mention_count + 1 WHERE id = $story";

    private static readonly string[] Bands = ["$story", .. Enumerable.Range(0, TitleFingerprinter.Bands).Select(Band)];
    private static readonly string[] Probes = ["$first", "$per", "$hash", .. Enumerable.Range(0, TitleFingerprinter.Bands).Select(Band)];

    /// <summary>The story holding the first of <paramref name="keys"/> that is known, with that key's position in the list.</summary>
    public async Task<(long StoryId, int KeyIndex)?> FindByKeysAsync(TransactionCommands sql, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (await sql.Command(FindByKey, ["$key"], [keys[i]]).ExecuteScalarAsync(cancellationToken) is long id)
            {
                return (id, i);
            }
        }

        return null;
    }

    /// <summary>
    /// Stories first seen since <paramref name="since"/> that share the normalized title hash or any band,
    /// those sharing the most first (ties: newest first), at most <paramref name="limit"/>. Each probe reads
    /// at most <see cref="MaxRowsPerProbe"/> of its newest rows, so the cost is bounded however many stories
    /// a common band collects, while a story that shares many bands still wins over many newer ones that
    /// share one. Story ids rise with first_seen_at (a story is created when first seen), so the window
    /// starts at one id.
    /// </summary>
    /// <remarks>
    /// One statement returns every probe's ids and the hits are counted here: SQLite's GROUP BY over them sorted every
    /// row the probes read, which made this the costliest step of ingest when titles share common words (crowded bands
    /// fill all <see cref="MaxRowsPerProbe"/> rows of their probe).
    /// </remarks>
    public async Task<IReadOnlyList<(long Id, string Title)>> FindTitleCandidatesAsync(
        TransactionCommands sql, TitleFingerprint fingerprint, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var sinceMs = since.ToUnixTimeMilliseconds();
        if (await sql.Command(FirstInWindow, ["$since"], [sinceMs]).ExecuteScalarAsync(cancellationToken) is not long firstId)
        {
            return [];
        }

        var bands = fingerprint.BandKeys.Count;
        var values = new object?[Probes.Length - TitleFingerprinter.Bands + bands];
        values[0] = firstId;
        values[1] = MaxRowsPerProbe;
        values[2] = unchecked((long)fingerprint.NormalizedHash);
        for (var i = 0; i < bands; i++)
        {
            values[3 + i] = unchecked((long)fingerprint.BandKeys[i]);
        }

        var hits = new Dictionary<long, int>();
        await using (var reader = await sql.Command(ProbesSql(bands), Probes.AsSpan(0, values.Length), values).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(0))
                {
                    CountIds(reader.GetString(0), hits);
                }
            }
        }

        var ranked = hits.OrderByDescending(h => h.Value).ThenByDescending(h => h.Key).Take(limit).Select(h => h.Key).ToList();
        var titles = new Dictionary<long, string>(ranked.Count);
        if (ranked.Count > 0)
        {
            var ids = "[" + string.Join(',', ranked.Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]";
            await using var reader = await sql.Command(TitlesInWindow, ["$ids", "$since"], [ids, sinceMs]).ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                titles[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        return [.. ranked.Where(titles.ContainsKey).Select(id => (id, titles[id]))];
    }

    /// <summary>Adds one hit for each id in a probe's comma-separated list.</summary>
    private static void CountIds(string ids, Dictionary<long, int> hits)
    {
        foreach (var range in ids.AsSpan().Split(','))
        {
            var id = long.Parse(ids.AsSpan(range), NumberStyles.None, CultureInfo.InvariantCulture);
            hits[id] = hits.GetValueOrDefault(id) + 1;
        }
    }

    public async Task<long> CreateAsync(TransactionCommands sql, NewStory story, CancellationToken cancellationToken) =>
        (long)(await sql.Command(Create, ["$url", "$title", "$summary", "$hash", "$published", "$seen", "$backlog"],
        [
            story.CanonicalUrl, story.Title, story.SummaryText, unchecked((long)story.NormalizedTitleHash),
            story.PublishedAt?.ToUnixTimeMilliseconds(), story.FirstSeenAt.ToUnixTimeMilliseconds(), story.IsBacklog ? 1 : 0,
        ]).ExecuteScalarAsync(cancellationToken))!;

    /// <summary>A story started by an item without a summary (a Hacker News link) takes the first real one that joins it.</summary>
    public async Task FillEmptySummaryAsync(TransactionCommands sql, long storyId, string summaryText, CancellationToken cancellationToken)
    {
        if (summaryText.Length > 0)
        {
            await sql.Command(FillSummary, ["$story", "$summary"], [storyId, summaryText]).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>A live (non-backlog) item joining a backlog story makes the story eligible for digests.</summary>
    public async Task MarkLiveAsync(TransactionCommands sql, long storyId, CancellationToken cancellationToken) =>
        await sql.Command(MarkLive, ["$story"], [storyId]).ExecuteNonQueryAsync(cancellationToken);

    public async Task AddKeysAsync(TransactionCommands sql, long storyId, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await sql.Command(AddKey, ["$key", "$story"], [key, storyId]).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>All of a title's bands in one statement.</summary>
    public async Task AddBandsAsync(TransactionCommands sql, long storyId, IReadOnlyList<ulong> bands, CancellationToken cancellationToken)
    {
        if (bands.Count == 0)
        {
            return;
        }

        var values = new object?[bands.Count + 1];
        values[0] = storyId;
        for (var i = 0; i < bands.Count; i++)
        {
            values[i + 1] = unchecked((long)bands[i]);
        }

        await sql.Command(BandsSql(bands.Count), Bands.AsSpan(0, values.Length), values).ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds topic tags; a topic the story already has keeps its first matched term.</summary>
    public async Task AddTopicsAsync(TransactionCommands sql, long storyId, IEnumerable<(string Topic, string Term)> topics, CancellationToken cancellationToken)
    {
        foreach (var (topic, term) in topics)
        {
            await sql.Command(AddTopic, ["$story", "$topic", "$term"], [storyId, topic, term]).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <param name="matchedBy">How the item joined the story (<see cref="ClusterDecision.MatchedBy"/>), kept for /explain.</param>
    public async Task AddMentionAsync(TransactionCommands sql, long storyId, long itemId, long sourceId, string matchedBy, CancellationToken cancellationToken)
    {
        if (await sql.Command(AddMention, ["$story", "$item", "$source", "$matchedBy"], [storyId, itemId, sourceId, matchedBy]).ExecuteScalarAsync(cancellationToken) is not null)
        {
            await sql.Command(CountMention, ["$story"], [storyId]).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Band(int i) => "$b" + i.ToString(CultureInfo.InvariantCulture);

    private static readonly string[] ProbesByBandCount = [.. Enumerable.Range(0, TitleFingerprinter.Bands + 1).Select(BuildProbesSql)];
    private static readonly string[] BandsByCount = [.. Enumerable.Range(0, TitleFingerprinter.Bands + 1).Select(BuildBandsSql)];

    private static string ProbesSql(int bands) => bands < ProbesByBandCount.Length ? ProbesByBandCount[bands] : BuildProbesSql(bands);

    private static string BandsSql(int bands) => bands < BandsByCount.Length ? BandsByCount[bands] : BuildBandsSql(bands);

    // One row per probe holding its ids as a comma-separated list (NULL when it found none): counting them here is
    // cheaper than SQLite's GROUP BY, which sorts them, and one row per probe instead of one per id saves a managed
    // round trip per id (up to 17 x 256 of them on crowded bands).
    private static string BuildProbesSql(int bands) =>
        string.Join(" UNION ALL ", Enumerable.Range(0, bands).Select(i =>
            $"SELECT group_concat(story_id) FROM (SELECT story_id FROM story_title_bands WHERE band_key = {Band(i)} AND story_id >= $first ORDER BY story_id DESC LIMIT $per)")
            .Prepend("SELECT group_concat(id) FROM (SELECT id FROM stories WHERE normalized_title_hash = $hash AND id >= $first ORDER BY id DESC LIMIT $per)"));

    private static string BuildBandsSql(int bands) =>
        "INSERT OR IGNORE INTO story_title_bands(band_key, story_id) VALUES " + string.Join(", ", Enumerable.Range(0, bands).Select(i => $"({Band(i)}, $story)"));
}
