using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Collecting;

/// <summary>SQL for the items table. Runs inside the caller's transaction.</summary>
public sealed class ItemStore
{
    /// <summary>
    /// An item is the same item when its source already has its id or its canonical URL, whatever its
    /// title or date say now. A known item is marked as seen (retention keeps what feeds still list).
    /// </summary>
    public async Task<bool> TouchIfKnownAsync(SqliteTransaction tx, long sourceId, string sourceItemId, string? canonicalUrl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText =
            "UPDATE items SET last_seen_at = $now WHERE source_id = $source AND " +
            "(source_item_id = $id OR ($url IS NOT NULL AND canonical_url = $url))";
        command.Parameters.AddWithValue("$source", sourceId);
        command.Parameters.AddWithValue("$id", sourceItemId);
        command.Parameters.AddWithValue("$url", SqliteTime.OrNull(canonicalUrl));
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<long> InsertAsync(SqliteTransaction tx, StoredItem item, CancellationToken cancellationToken)
    {
        await using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText =
            "INSERT INTO items(source_id, source_item_id, raw_url, canonical_url, comments_url, title, summary_text, " +
            "published_at, first_seen_at, last_seen_at, is_backlog, dropped_reason, dropped_explanation) " +
            "VALUES ($source, $id, $raw, $canonical, $comments, $title, $summary, $published, $seen, $seen, $backlog, $reason, $explanation) RETURNING id";
        command.Parameters.AddWithValue("$source", item.SourceId);
        command.Parameters.AddWithValue("$id", item.SourceItemId);
        command.Parameters.AddWithValue("$raw", SqliteTime.OrNull(item.RawUrl));
        command.Parameters.AddWithValue("$canonical", SqliteTime.OrNull(item.CanonicalUrl));
        command.Parameters.AddWithValue("$comments", SqliteTime.OrNull(item.CommentsUrl));
        command.Parameters.AddWithValue("$title", item.Title);
        command.Parameters.AddWithValue("$summary", item.SummaryText);
        command.Parameters.AddWithValue("$published", SqliteTime.ToDb(item.PublishedAt));
        command.Parameters.AddWithValue("$seen", item.FirstSeenAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$backlog", item.IsBacklog ? 1 : 0);
        command.Parameters.AddWithValue("$reason", SqliteTime.OrNull(item.DroppedReason));
        command.Parameters.AddWithValue("$explanation", SqliteTime.OrNull(item.DroppedExplanation));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
