using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Stories;

/// <summary>SQL for stories, their match keys, title bands and mentions. Runs inside the caller's transaction.</summary>
public sealed class StoryStore
{
    public async Task<long?> FindByKeysAsync(SqliteTransaction tx, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await using var command = Command(tx, "SELECT story_id FROM story_keys WHERE key = $key");
            command.Parameters.AddWithValue("$key", key);
            if (await command.ExecuteScalarAsync(cancellationToken) is long id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>
    /// Stories first seen since <paramref name="since"/> that share the normalized title hash or any band,
    /// newest first. Each probe reads at most <paramref name="limit"/> rows, newest first: a band of common
    /// words ("new", "ai") collects thousands of stories over months, and reading them all made the lookup
    /// grow with the database. Story ids grow with first_seen_at (a story is created when first seen), so
    /// the newest ids of a probe are its newest stories and no probe cuts one the result would keep.
    /// </summary>
    public async Task<IReadOnlyList<(long Id, string Title)>> FindTitleCandidatesAsync(
        SqliteTransaction tx, TitleFingerprint fingerprint, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var probes = new List<string>(fingerprint.BandKeys.Count + 1)
        {
            "SELECT id FROM (SELECT id FROM stories WHERE normalized_title_hash = $hash ORDER BY id DESC LIMIT $limit)",
        };
        probes.AddRange(fingerprint.BandKeys.Select((_, i) =>
            $"SELECT story_id FROM (SELECT story_id FROM story_title_bands WHERE band_key = $b{i} ORDER BY story_id DESC LIMIT $limit)"));

        // The window is a suffix of the id order too, so the newest ids of all probes hold every story the
        // result keeps; only those are looked up (CROSS JOIN keeps SQLite from scanning the window instead).
        await using var command = Command(tx,
            "SELECT s.id, s.title FROM (SELECT DISTINCT id FROM (" + string.Join(" UNION ALL ", probes) + ") ORDER BY id DESC LIMIT $limit) m " +
            "CROSS JOIN stories s WHERE s.id = m.id AND s.first_seen_at >= $since " +
            "ORDER BY s.first_seen_at DESC");
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$hash", unchecked((long)fingerprint.NormalizedHash));
        command.Parameters.AddWithValue("$limit", limit);
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

    public async Task AddMentionAsync(SqliteTransaction tx, long storyId, long itemId, long sourceId, CancellationToken cancellationToken)
    {
        await using var command = Command(tx,
            "INSERT OR IGNORE INTO story_mentions(story_id, item_id, source_id) VALUES ($story, $item, $source); " +
            "UPDATE stories SET mention_count = (SELECT COUNT(*) FROM story_mentions WHERE story_id = $story) WHERE id = $story;");
        command.Parameters.AddWithValue("$story", storyId);
        command.Parameters.AddWithValue("$item", itemId);
        command.Parameters.AddWithValue("$source", sourceId);
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
