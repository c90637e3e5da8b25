using BotHost.Core.Storage;

namespace BotHost.Core.Digests;

/// <summary>Reads stories for digests and previews.</summary>
public sealed class DigestStore(SqliteConnectionFactory connections)
{
    private const char Separator = '\u001f';

    /// <summary>Non-backlog stories first seen since <paramref name="since"/>, newest first, with their sources in the order they published it.</summary>
    public async Task<IReadOnlyList<DigestStory>> RecentStoriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT s.id, s.title, s.canonical_url, s.summary_text, s.first_seen_at, s.published_at, s.mention_count, " +
            "(SELECT group_concat(name, char(31)) FROM (SELECT src.name AS name, MIN(COALESCE(i.published_at, i.first_seen_at)) AS first_at, MIN(m.item_id) AS first_item " +
            "  FROM story_mentions m JOIN sources src ON src.id = m.source_id JOIN items i ON i.id = m.item_id " +
            "  WHERE m.story_id = s.id GROUP BY src.id ORDER BY first_at, first_item)) " +
            "FROM stories s WHERE s.is_backlog = 0 AND s.first_seen_at >= $since ORDER BY s.first_seen_at DESC, s.id LIMIT $limit";
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<DigestStory>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new DigestStory(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                SqliteTime.FromDb(reader.GetValue(4))!.Value,
                SqliteTime.FromDb(reader.GetValue(5)),
                reader.GetInt32(6),
                reader.IsDBNull(7) ? [] : reader.GetString(7).Split(Separator),
                0));
        }

        return result;
    }
}
