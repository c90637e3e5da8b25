using System.Text;
using BotHost.Core.Storage;

namespace BotHost.Core.Digests;

/// <summary>Full-text search over stored stories (FTS5 on titles and summaries), best match first.</summary>
public sealed class StorySearch(SqliteConnectionFactory connections)
{
    public const int MaxQueryLength = 200;

    /// <summary>Every word of <paramref name="query"/> must appear (as a prefix); FTS5 syntax in the input is treated as text.</summary>
    public async Task<IReadOnlyList<DigestStory>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        var match = ToMatchExpression(query);
        if (match.Length == 0)
        {
            return [];
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT s.id, s.title, s.canonical_url, s.summary_text, s.first_seen_at, s.published_at, s.mention_count " +
            "FROM story_search JOIN stories s ON s.id = story_search.rowid WHERE story_search MATCH $match " +
            "ORDER BY bm25(story_search, 5.0, 1.0), s.first_seen_at DESC LIMIT $limit";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<DigestStory>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new DigestStory(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3),
                SqliteTime.FromDb(reader.GetValue(4))!.Value, SqliteTime.FromDb(reader.GetValue(5)), reader.GetInt32(6), [], 0));
        }

        return result;
    }

    // Each word becomes a quoted prefix term, so quotes, operators (AND, NEAR, *) and column filters
    // typed by a user can never change the query's meaning or make it fail to parse.
    internal static string ToMatchExpression(string query)
    {
        var sb = new StringBuilder();
        var words = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        foreach (var word in words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(12))
        {
            var clean = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (clean.Length > 0)
            {
                sb.Append(sb.Length == 0 ? string.Empty : " ").Append('"').Append(clean).Append("\"*");
            }
        }

        return sb.ToString();
    }
}
