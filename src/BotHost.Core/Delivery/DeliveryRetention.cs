using BotHost.Core.Storage;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Delivery;

/// <summary>
/// The delivery feature's part of retention: deliveries finished before the cutoff are deleted with their parts
/// and story rows; until then the stories they carried are held (the channel must never get them again while
/// they can still be candidates).
/// </summary>
public sealed class DeliveryRetention(SqliteConnectionFactory connections, IOptions<StorageOptions> options, TimeProvider time) : IStoryRetentionHold
{
    public string HeldStoryIdsQuery => "SELECT story_id FROM digest_delivery_stories UNION SELECT story_id FROM deliveries_v1";

    /// <summary>Deletes finished deliveries older than Storage:RetentionDays; pending ones are kept whatever their age.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM digest_deliveries WHERE status <> 'pending' AND COALESCE(completed_at, created_at) < $cutoff";
        command.Parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
