using BotHost.Core.Storage;

namespace BotHost.Core.Digests;

/// <summary>Reads stories for digests and previews.</summary>
public sealed class DigestStore(SqliteConnectionFactory connections)
{
    /// <summary>Non-backlog stories first seen since <paramref name="since"/>, newest first, with their sources in the order they published it.</summary>
    public async Task<IReadOnlyList<DigestStory>> RecentStoriesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {DigestStoryRows.Columns}, " +
            "(SELECT group_concat(name, char(31)) FROM (SELECT src.name AS name, MIN(COALESCE(i.published_at, i.first_seen_at)) AS first_at, MIN(m.item_id) AS first_item " +
            "  FROM story_mentions m JOIN sources src ON src.id = m.source_id JOIN items i ON i.id = m.item_id " +
            "  WHERE m.story_id = s.id GROUP BY src.id ORDER BY first_at, first_item)) " +
            "FROM stories s WHERE s.is_backlog = 0 AND s.first_seen_at >= $since ORDER BY s.first_seen_at DESC, s.id LIMIT $limit";
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        return await DigestStoryRows.ReadAllAsync(command, cancellationToken);
    }
}
