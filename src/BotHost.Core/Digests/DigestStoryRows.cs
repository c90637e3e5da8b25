using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Digests;

/// <summary>
/// The story columns that digests and search both select, and the one mapping from them to <see cref="DigestStory"/>,
/// so a column added to stories is read the same way by every query that shows stories.
/// </summary>
internal static class DigestStoryRows
{
    /// <summary>The select list over <c>stories s</c>; a query may add one more column: the source names joined by char(31).</summary>
    public const string Columns = "s.id, s.title, s.canonical_url, s.summary_text, s.first_seen_at, s.published_at, s.mention_count";

    private const int SourcesOrdinal = 7;
    private const char SourceSeparator = '\u001f';

    /// <summary>Runs <paramref name="command"/> and maps every row, in the order the query returns them.</summary>
    public static async Task<IReadOnlyList<DigestStory>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var result = new List<DigestStory>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hasSources = reader.FieldCount > SourcesOrdinal;
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
                hasSources && !reader.IsDBNull(SourcesOrdinal) ? reader.GetString(SourcesOrdinal).Split(SourceSeparator) : [],
                0));
        }

        return result;
    }
}
