using BotHost.Core.Storage;

namespace BotHost.Core.Digests;

/// <summary>Reads stories for digests and previews.</summary>
public sealed class DigestStore(SqliteConnectionFactory connections)
{
    /// <summary>
    /// The stories a digest ranks: most-mentioned first, then newest, so a busy window never cuts a story
    /// several sources carry before it is scored.
    /// </summary>
    public Task<IReadOnlyList<DigestStory>> DigestCandidatesAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
        => QueryAsync("ORDER BY s.mention_count DESC, s.first_seen_at DESC, s.id", since, limit, cancellationToken);

    // Sources come in the order they published the story ("from X · also on Y").
    private async Task<IReadOnlyList<DigestStory>> QueryAsync(string orderBy, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {DigestStoryRows.Columns}, " +
            "(SELECT group_concat(name, char(31)) FROM (SELECT src.name AS name, MIN(COALESCE(i.published_at, i.first_seen_at)) AS first_at, MIN(m.item_id) AS first_item " +
            "  FROM story_mentions m JOIN sources src ON src.id = m.source_id JOIN items i ON i.id = m.item_id " +
            "  WHERE m.story_id = s.id GROUP BY src.id ORDER BY first_at, first_item)) " +
            "FROM stories s WHERE s.is_backlog = 0 AND s.first_seen_at >= $since " + orderBy + " LIMIT $limit";
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        return await DigestStoryRows.ReadAllAsync(command, cancellationToken);
    }
}
