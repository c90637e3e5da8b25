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
    private static readonly string[] Probes = ["$since", "$first", "$hash", "$limit", "$per", .. Enumerable.Range(0, TitleFingerprinter.Bands).Select(Band)];

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
        values[0] = sinceMs;
        values[1] = firstId;
        values[2] = unchecked((long)fingerprint.NormalizedHash);
        values[3] = limit;
        values[4] = MaxRowsPerProbe;
        for (var i = 0; i < bands; i++)
        {
            values[5 + i] = unchecked((long)fingerprint.BandKeys[i]);
        }

        var result = new List<(long, string)>();
        await using var reader = await sql.Command(CandidatesSql(bands), Probes.AsSpan(0, values.Length), values).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return result;
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

    private static readonly string[] CandidatesByBandCount = [.. Enumerable.Range(0, TitleFingerprinter.Bands + 1).Select(BuildCandidatesSql)];
    private static readonly string[] BandsByCount = [.. Enumerable.Range(0, TitleFingerprinter.Bands + 1).Select(BuildBandsSql)];

    private static string CandidatesSql(int bands) => bands < CandidatesByBandCount.Length ? CandidatesByBandCount[bands] : BuildCandidatesSql(bands);

    private static string BandsSql(int bands) => bands < BandsByCount.Length ? BandsByCount[bands] : BuildBandsSql(bands);

    private static string BuildCandidatesSql(int bands)
    {
        var probes = new List<string>(bands + 1)
        {
            "SELECT id FROM (SELECT id FROM stories WHERE normalized_title_hash = $hash AND id >= $first ORDER BY id DESC LIMIT $per)",
        };
        probes.AddRange(Enumerable.Range(0, bands).Select(i =>
            $"SELECT story_id FROM (SELECT story_id FROM story_title_bands WHERE band_key = {Band(i)} AND story_id >= $first ORDER BY story_id DESC LIMIT $per)"));

        // CROSS JOIN keeps SQLite from scanning the window instead of looking up the few ranked ids.
        return "SELECT s.id, s.title FROM (SELECT id, COUNT(*) AS hits FROM (" + string.Join(" UNION ALL ", probes) + ") " +
            "GROUP BY id ORDER BY hits DESC, id DESC LIMIT $limit) m " +
            "CROSS JOIN stories s WHERE s.id = m.id AND s.first_seen_at >= $since " +
            "ORDER BY m.hits DESC, s.id DESC";
    }

    private static string BuildBandsSql(int bands) =>
        "INSERT OR IGNORE INTO story_title_bands(band_key, story_id) VALUES " + string.Join(", ", Enumerable.Range(0, bands).Select(i => $"({Band(i)}, $story)"));
}
