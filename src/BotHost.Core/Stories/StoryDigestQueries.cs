using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Stories;

/// <summary>
/// The stories feature's reads for digests and /explain: candidates with their mentions and topics, and the
/// lookup of a URL among stories and curation drops. They run on the caller's connection so a digest can pick
/// its stories in the same transaction that records them.
/// </summary>
public sealed class StoryDigestQueries
{
    private const string StoryColumns = "s.id, s.title, s.canonical_url, s.summary_text, s.first_seen_at, s.published_at, s.is_backlog";

    /// <summary>
    /// Stories first seen since <paramref name="since"/> (backlog included; callers decide), most-mentioned then
    /// newest first, so a busy window never cuts a story several sources carry before it is ranked. Stories only
    /// <paramref name="hiddenSources"/> mention are left out before the limit, so a busy private feed of another
    /// guild cannot crowd out the stories this one may see; their mentions are left out of every story.
    /// </summary>
    public async Task<IReadOnlyList<StoryForDigest>> SinceAsync(
        SqliteConnection connection, DateTimeOffset since, int limit, IReadOnlyCollection<long> hiddenSources, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {StoryColumns} FROM stories s " +
            $"WHERE s.first_seen_at >= $since AND {VisibleMentions.StoryIsVisible} ORDER BY s.mention_count DESC, s.first_seen_at DESC, s.id LIMIT $limit";
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        VisibleMentions.Bind(command, hiddenSources);
        return await CompleteAsync(connection, await ReadStoriesAsync(command, cancellationToken), hiddenSources, cancellationToken);
    }

    /// <summary>The story, whoever mentioned it, with the mentions of <paramref name="hiddenSources"/> left out.</summary>
    public async Task<StoryForDigest?> GetAsync(SqliteConnection connection, long storyId, IReadOnlyCollection<long> hiddenSources, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoryColumns} FROM stories s WHERE s.id = $id";
        command.Parameters.AddWithValue("$id", storyId);
        var found = await CompleteAsync(connection, await ReadStoriesAsync(command, cancellationToken), hiddenSources, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>
    /// The story a canonical URL belongs to (as an article or a discussion link), with the mentions of
    /// <paramref name="hiddenSources"/> left out; null when there is none or only hidden sources mentioned it.
    /// </summary>
    public async Task<StoryForDigest?> FindByCanonicalUrlAsync(
        SqliteConnection connection, string canonicalUrl, IReadOnlyCollection<long> hiddenSources, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT k.story_id FROM story_keys k JOIN stories s ON s.id = k.story_id WHERE k.key = $key AND {VisibleMentions.StoryIsVisible}";
        command.Parameters.AddWithValue("$key", "u:" + UrlCanonicalizer.KeyOfCanonical(canonicalUrl));
        VisibleMentions.Bind(command, hiddenSources);
        return await command.ExecuteScalarAsync(cancellationToken) is long id ? await GetAsync(connection, id, hiddenSources, cancellationToken) : null;
    }

    /// <summary>Items with this canonical URL that curation dropped, oldest first, those of <paramref name="hiddenSources"/> left out.</summary>
    public async Task<IReadOnlyList<DroppedItemRecord>> DroppedItemsAsync(
        SqliteConnection connection, string canonicalUrl, IReadOnlyCollection<long> hiddenSources, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT src.name, i.title, i.dropped_reason, COALESCE(i.dropped_explanation, ''), i.first_seen_at FROM items i JOIN sources src ON src.id = i.source_id " +
            "WHERE i.canonical_url = $url AND i.dropped_reason IS NOT NULL AND i.source_id NOT IN (SELECT value FROM json_each($hidden)) " +
            "ORDER BY i.first_seen_at, i.id LIMIT 20";
        command.Parameters.AddWithValue("$url", canonicalUrl);
        VisibleMentions.Bind(command, hiddenSources);
        var result = new List<DroppedItemRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new DroppedItemRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), SqliteTime.FromDb(reader.GetValue(4))!.Value));
        }

        return result;
    }

    private static async Task<List<StoryForDigest>> ReadStoriesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<StoryForDigest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new StoryForDigest(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                SqliteTime.FromDb(reader.GetValue(4))!.Value,
                SqliteTime.FromDb(reader.GetValue(5)),
                reader.GetInt64(6) != 0,
                [],
                []));
        }

        return result;
    }

    // Mentions and topics of all the stories at once: two queries however many stories there are.
    private static async Task<IReadOnlyList<StoryForDigest>> CompleteAsync(
        SqliteConnection connection, List<StoryForDigest> stories, IReadOnlyCollection<long> hiddenSources, CancellationToken cancellationToken)
    {
        if (stories.Count == 0)
        {
            return stories;
        }

        var ids = JsonIds.Of(stories.Select(s => s.Id));
        var mentions = new Dictionary<long, List<StoryMention>>();
        await using (var command = connection.CreateCommand())
        {
            // The ids are integers read from the database, not input, and json_each keeps the statement fixed.
            command.CommandText =
                "SELECT m.story_id, src.name, COALESCE(i.published_at, i.first_seen_at), COALESCE(m.matched_by, ''), i.summary_text FROM story_mentions m " +
                "JOIN items i ON i.id = m.item_id JOIN sources src ON src.id = m.source_id " +
                $"WHERE m.story_id IN (SELECT value FROM json_each($ids)) AND {VisibleMentions.MentionIsVisible} ORDER BY m.story_id, COALESCE(i.published_at, i.first_seen_at), m.item_id";
            command.Parameters.AddWithValue("$ids", ids);
            VisibleMentions.Bind(command, hiddenSources);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var storyId = reader.GetInt64(0);
                if (!mentions.TryGetValue(storyId, out var list))
                {
                    mentions[storyId] = list = [];
                }

                list.Add(new StoryMention(reader.GetString(1), SqliteTime.FromDb(reader.GetValue(2))!.Value, reader.GetString(3), Engagement.Parse(reader.GetString(4))));
            }
        }

        var topics = new Dictionary<long, List<StoryTopic>>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT story_id, topic, matched_term FROM story_topics WHERE story_id IN (SELECT value FROM json_each($ids)) ORDER BY story_id, topic";
            command.Parameters.AddWithValue("$ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var storyId = reader.GetInt64(0);
                if (!topics.TryGetValue(storyId, out var list))
                {
                    topics[storyId] = list = [];
                }

                list.Add(new StoryTopic(reader.GetString(1), reader.GetString(2)));
            }
        }

        return [.. stories.Select(s => s with { Mentions = mentions.GetValueOrDefault(s.Id) ?? [], Topics = topics.GetValueOrDefault(s.Id) ?? [] })];
    }
}
