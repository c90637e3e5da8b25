using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Storage;

/// <summary>
/// Deletes what is older than Storage:RetentionDays and held by no feature (<see cref="IStoryRetentionHold"/>:
/// deliveries, picks): stories first seen before the cutoff, and items their feeds stopped listing before it (an
/// item still listed is kept, so it cannot come back as new). Then lets SQLite refresh its statistics.
/// </summary>
public sealed class RetentionPruner(
    SqliteConnectionFactory connections, IEnumerable<IStoryRetentionHold> holds, IOptions<StorageOptions> options, TimeProvider time, ILogger<RetentionPruner> logger)
{
    public async Task<(int Items, int Stories)> PruneAsync(CancellationToken cancellationToken)
    {
        var days = options.Value.RetentionDays;
        var cutoff = (time.GetUtcNow() - TimeSpan.FromDays(days)).ToUnixTimeMilliseconds();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        var held = string.Join(" UNION ", holds.Select(h => h.HeldStoryIdsQuery));
        var stories = await ExecuteAsync(tx,
            "DELETE FROM stories WHERE first_seen_at < $cutoff " + (held.Length == 0 ? "" : $"AND id NOT IN ({held}) ") +
            "AND NOT EXISTS (SELECT 1 FROM story_mentions m JOIN items i ON i.id = m.item_id WHERE m.story_id = stories.id AND i.last_seen_at >= $cutoff)",
            cutoff, cancellationToken);
        var items = await ExecuteAsync(tx,
            "DELETE FROM items WHERE last_seen_at < $cutoff AND NOT EXISTS (SELECT 1 FROM story_mentions m WHERE m.item_id = items.id) " +
            "AND EXISTS (SELECT 1 FROM sources s WHERE s.id = items.source_id AND s.last_success_at >= $cutoff)",
            cutoff, cancellationToken);
        await tx.CommitAsync(cancellationToken);

        await using var optimize = connection.CreateCommand();
        optimize.CommandText = "PRAGMA optimize";
        await optimize.ExecuteNonQueryAsync(cancellationToken);
        StorageLog.Pruned(logger, items, stories, days);
        return (items, stories);
    }

    private static async Task<int> ExecuteAsync(SqliteTransaction tx, string sql, long cutoff, CancellationToken cancellationToken)
    {
        await using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
