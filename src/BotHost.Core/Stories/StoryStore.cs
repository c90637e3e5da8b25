using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Stories;

/// <summary>SQL for stories, their match keys, title bands and mentions. Runs inside the caller's transaction.</summary>
public sealed class StoryStore
{
    public const int MaxRowsPerProbe = 256;

    /// <summary>The story holding the first of <paramref name="keys"/> that is known, with that key's position in the list.</summary>
    public async Task<(long StoryId, int KeyIndex)?> FindByKeysAsync(SqliteTransaction tx, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            await using var command = Command(tx, "SELECT story_id FROM story_keys WHERE key = $key");
            command.Parameters.AddWithValue("$key", keys[i]);
            if (await command.ExecuteScalarAsync(cancellationToken) is long id)
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
        SqliteTransaction tx, TitleFingerprint fingerprint, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var first = Command(tx, "SELECT id FROM stories WHERE first_seen_at >= $since ORDER BY first_seen_at, id LIMIT 1");
        first.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        if (await first.ExecuteScalarAsync(cancellationToken) is not long firstId)
        {
            return [];
        }

        var probes = new List<string>(fingerprint.BandKeys.Count + 1)
        {
            "SELECT id FROM (SELECT id FROM stories WHERE normalized_title_hash = $hash AND id >= $first ORDER BY id DESC LIMIT $per)",
        };
        probes.AddRange(fingerprint.BandKeys.Select((_, i) =>
            $"SELECT story_id FROM (SELECT story_id FROM story_title_bands WHERE band_key = $b{i} AND story_id >= $first ORDER BY story_id DESC LIMIT $per)"));

        // CROSS JOIN keeps SQLite from scanning the window instead of looking up the few ranked ids.
        await using var command = Command(tx,
            "SELECT s.id, s.title FROM (SELECT id, COUNT(*) AS hits FROM (" + string.Join(" UNION ALL ", probes) + ") " +
            "GROUP BY id ORDER BY hits DESC, id DESC LIMIT $limit) m " +
            "CROSS JOIN stories s WHERE s.id = m.id AND s.first_seen_at >= $since " +
            "ORDER BY m.hits DESC, s.id DESC");
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$first", firstId);
        command.Parameters.AddWithValue("$hash", unchecked((long)fingerprint.NormalizedHash));
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$per", MaxRowsPerProbe);
        for (var i = 0; i < fingerprint.BandKeys.Count; i++)
        {
            command.Parameters.AddWithValue($"$b{i}", unchecked((long)fingerprint.BandKeys[i]));
        }

        var result = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return result;
    }

    public async Task<long> CreateAsync(SqliteTransaction tx, NewStory story, CancellationToken cancellationToken)
    {
        await using var command = Command(tx,
            "INSERT INTO stories(canonical_url, title, summary_text, normalized_title_hash, published_at, first_seen_at, is_backlog) " +
            "VALUES ($url, $title, $summary, $hash, $published, $seen, $backlog) RETURNING id");
        command.Parameters.AddWithValue("$url", SqliteTime.OrNull(story.CanonicalUrl));
        command.Parameters.AddWithValue("$title", story.Title);
        command.Parameters.AddWithValue("$summary", story.SummaryText);
        command.Parameters.AddWithValue("$hash", unchecked((long)story.NormalizedTitleHash));
        command.Parameters.AddWithValue("$published", SqliteTime.ToDb(story.PublishedAt));
        command.Parameters.AddWithValue("$seen", story.FirstSeenAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$backlog", story.IsBacklog ? 1 : 0);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>A story started by an item without a summary (a Hacker News link) takes the first real one that joins it.</summary>
    public async Task FillEmptySummaryAsync(SqliteTransaction tx, long storyId, string summaryText, CancellationToken cancellationToken)
    {
        if (summaryText.Length == 0)
        {
            return;
        }

        await using var command = Command(tx, "UPDATE stories SET summary_text = $summary WHERE id = $story AND summary_text = ''");
        command.Parameters.AddWithValue("$story", storyId);
        command.Parameters.AddWithValue("$summary", summaryText);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A live (non-backlog) item joining a backlog story makes the story eligible for digests.</summary>
    public async Task MarkLiveAsync(SqliteTransaction tx, long storyId, CancellationToken cancellationToken)
    {
        await using var command = Command(tx, "UPDATE stories SET is_backlog = 0 WHERE id = $story AND is_backlog = 1");
        command.Parameters.AddWithValue("$story", storyId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddKeysAsync(SqliteTransaction tx, long storyId, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await using var command = Command(tx, "INSERT OR IGNORE INTO story_keys(key, story_id) VALUES ($key, $story)");
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$story", storyId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task AddBandsAsync(SqliteTransaction tx, long storyId, IEnumerable<ulong> bands, CancellationToken cancellationToken)
    {
        foreach (var band in bands)
        {
            await using var command = Command(tx, "INSERT OR IGNORE INTO story_title_bands(band_key, story_id) VALUES ($band, $story)");
            command.Parameters.AddWithValue("$band", unchecked((long)band));
            command.Parameters.AddWithValue("$story", storyId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Adds topic tags; a topic the story already has keeps its first matched term.</summary>
    public async Task AddTopicsAsync(SqliteTransaction tx, long storyId, IEnumerable<(string Topic, string Term)> topics, CancellationToken cancellationToken)
    {
        foreach (var (topic, term) in topics)
        {
            await using var command = Command(tx, "INSERT OR IGNORE INTO story_topics(story_id, topic, matched_term) VALUES ($story, $topic, $term)");
            command.Parameters.AddWithValue("$story", storyId);
            command.Parameters.AddWithValue("$topic", topic);
            command.Parameters.AddWithValue("$term", term);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <param name="matchedBy">How the item joined the story (<see cref="ClusterDecision.MatchedBy"/>), kept for /explain.</param>
    public async Task AddMentionAsync(SqliteTransaction tx, long storyId, long itemId, long sourceId, string matchedBy, CancellationToken cancellationToken)
    {
        await using var command = Command(tx,
            "INSERT OR IGNORE INTO story_mentions(story_id, item_id, source_id, matched_by) VALUES ($story, $item, $source, $matchedBy); " +
            "UPDATE stories SET mention_count = (SELECT COUNT(*) FROM story_mentions WHERE story_id = $story) WHERE id = $story;");
        command.Parameters.AddWithValue("$story", storyId);
        command.Parameters.AddWithValue("$item", itemId);
        command.Parameters.AddWithValue("$source", sourceId);
        command.Parameters.AddWithValue("$matchedBy", matchedBy);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteTransaction tx, string sql)
    {
        var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }
}
