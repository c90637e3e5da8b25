using System.Buffers;
using System.Text;
using System.Text.Json;
using BotHost.Core.Storage;

namespace BotHost.Core.Collecting;

/// <summary>SQL for the items table. Runs inside the caller's transaction.</summary>
public sealed class ItemStore
{
    private const string ById =
        "SELECT id, source_item_id, canonical_url FROM items WHERE source_id = $source AND source_item_id IN (SELECT value FROM json_each($ids))";
    private const string ByUrl =
        "SELECT id, source_item_id, canonical_url FROM items WHERE source_id = $source AND canonical_url IN (SELECT value FROM json_each($urls))";
    private const string Touch = "UPDATE items SET last_seen_at = $now WHERE id IN (SELECT value FROM json_each($ids))";
    private const string Insert =
        "INSERT INTO items(source_id, source_item_id, raw_url, canonical_url, comments_url, title, summary_text, " +
        "published_at, first_seen_at, last_seen_at, is_backlog, dropped_reason, dropped_explanation) " +
        "VALUES ($source, $id, $raw, $canonical, $comments, $title, $summary, $published, $seen, $seen, $backlog, $reason, $explanation) RETURNING id";

    /// <summary>
    /// An item is the same item when its source already has its id or its canonical URL, whatever its title or date
    /// say now. Finds the feed's known items in two lookups and marks them as seen (retention keeps what feeds still
    /// list); the caller adds each item it then inserts, so a repeat later in the same feed is known too.
    /// </summary>
    public async Task<KnownItems> TouchKnownAsync(
        TransactionCommands sql, long sourceId, IReadOnlyList<(string Id, string? CanonicalUrl)> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = new KnownItems();
        var rows = new HashSet<long>();
        await ReadAsync(ById, "$ids", entries.Select(e => e.Id));
        await ReadAsync(ByUrl, "$urls", entries.Select(e => e.CanonicalUrl).OfType<string>().Distinct(StringComparer.Ordinal));
        if (rows.Count > 0)
        {
            await sql.Command(Touch, ["$now", "$ids"], [now.ToUnixTimeMilliseconds(), JsonIds.Of(rows)]).ExecuteNonQueryAsync(cancellationToken);
        }

        return known;

        async Task ReadAsync(string query, string listName, IEnumerable<string> values)
        {
            var list = JsonArray(values);
            if (list.Length <= 2)
            {
                return;
            }

            await using var reader = await sql.Command(query, ["$source", listName], [sourceId, list]).ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(reader.GetInt64(0));
                known.Add(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
            }
        }
    }

    public async Task<long> InsertAsync(TransactionCommands sql, StoredItem item, CancellationToken cancellationToken) =>
        (long)(await sql.Command(Insert, ["$source", "$id", "$raw", "$canonical", "$comments", "$title", "$summary", "$published", "$seen", "$backlog", "$reason", "$explanation"],
        [
            item.SourceId, item.SourceItemId, item.RawUrl, item.CanonicalUrl, item.CommentsUrl, item.Title, item.SummaryText,
            item.PublishedAt?.ToUnixTimeMilliseconds(), item.FirstSeenAt.ToUnixTimeMilliseconds(), item.IsBacklog ? 1 : 0, item.DroppedReason, item.DroppedExplanation,
        ]).ExecuteScalarAsync(cancellationToken))!;

    private static string JsonArray(IEnumerable<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var value in values)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
