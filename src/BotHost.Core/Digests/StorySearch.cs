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
            $"SELECT {DigestStoryRows.Columns} " +
            "FROM story_search JOIN stories s ON s.id = story_search.rowid WHERE story_search MATCH $match " +
            "ORDER BY bm25(story_search, 5.0, 1.0), s.first_seen_at DESC LIMIT $limit";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        return await DigestStoryRows.ReadAllAsync(command, cancellationToken);
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
