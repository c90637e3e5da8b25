using System.Text.Json;
using BotHost.Core.Digests;
using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Delivery;

/// <summary>
/// The only SQL over the delivery tables: the outbox rows composing writes, the leases senders claim, each
/// part's attempts and message id, and the reads other steps ask for (what a channel already got).
/// </summary>
public sealed class OutboxStore(SqliteConnectionFactory connections)
{
    /// <summary>Records a composed digest inside the caller's transaction (the one that picked its stories).</summary>
    public async Task<long> CreateAsync(SqliteTransaction tx, NewDelivery delivery, CancellationToken cancellationToken)
    {
        var empty = delivery.Parts.Count == 0;
        long id;
        await using (var insert = Command(tx,
            "INSERT INTO digest_deliveries(subscription_id, guild_id, channel_id, period_key, reason, status, story_count, created_at, completed_at) " +
            "VALUES ($sub, $guild, $channel, $period, $reason, $status, $count, $now, $completed) RETURNING id"))
        {
            insert.Parameters.AddWithValue("$sub", delivery.SubscriptionId);
            AddChannel(insert, delivery.Channel);
            insert.Parameters.AddWithValue("$period", delivery.PeriodKey);
            insert.Parameters.AddWithValue("$reason", Text(delivery.Reason));
            insert.Parameters.AddWithValue("$status", Text(empty ? DeliveryStatus.Empty : DeliveryStatus.Pending));
            insert.Parameters.AddWithValue("$count", empty ? 0 : delivery.StoryIds.Count);
            insert.Parameters.AddWithValue("$now", delivery.CreatedAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$completed", empty ? delivery.CreatedAt.ToUnixTimeMilliseconds() : DBNull.Value);
            id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        var partOf = delivery.Parts.SelectMany(p => p.StoryIds.Select(s => (Story: s, p.Index))).ToDictionary(x => x.Story, x => x.Index);
        for (var position = 0; position < delivery.StoryIds.Count && !empty; position++)
        {
            await using var story = Command(tx,
                "INSERT INTO digest_delivery_stories(delivery_id, position, story_id, guild_id, channel_id, part_index) VALUES ($id, $pos, $story, $guild, $channel, $part)");
            story.Parameters.AddWithValue("$id", id);
            story.Parameters.AddWithValue("$pos", position);
            story.Parameters.AddWithValue("$story", delivery.StoryIds[position]);
            AddChannel(story, delivery.Channel);
            story.Parameters.AddWithValue("$part", partOf.GetValueOrDefault(delivery.StoryIds[position], 1));
            await story.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var part in delivery.Parts)
        {
            await using var insertPart = Command(tx,
                "INSERT INTO digest_delivery_parts(delivery_id, part_index, body, marker, nonce, status) VALUES ($id, $index, $body, $marker, $nonce, 'pending')");
            insertPart.Parameters.AddWithValue("$id", id);
            insertPart.Parameters.AddWithValue("$index", part.Index);
            insertPart.Parameters.AddWithValue("$body", JsonSerializer.Serialize(part, DeliveryJsonContext.Default.DigestPart));
            insertPart.Parameters.AddWithValue("$marker", part.Marker);
            insertPart.Parameters.AddWithValue("$nonce", DeliveryNonce.For(id, delivery.CreatedAt, part.Index));
            await insertPart.ExecuteNonQueryAsync(cancellationToken);
        }

        return id;
    }

    /// <summary>Every story ever delivered (or being delivered) to <paramref name="channel"/>, by any of its subscriptions.</summary>
    public async Task<HashSet<long>> StoriesPostedToAsync(SqliteConnection connection, ChannelKey channel, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT story_id FROM digest_delivery_stories WHERE guild_id = $guild AND channel_id = $channel";
        AddChannel(command, channel);
        var result = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetInt64(0));
        }

        return result;
    }

    /// <summary>The subscription's delivery for the period that is not failed, if any.</summary>
    public async Task<DeliverySummary?> ForPeriodAsync(SqliteConnection connection, long subscriptionId, string periodKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SummaryColumns} FROM digest_deliveries WHERE subscription_id = $sub AND period_key = $period AND status <> 'failed'";
        command.Parameters.AddWithValue("$sub", subscriptionId);
        command.Parameters.AddWithValue("$period", periodKey);
        return await ReadSummaryAsync(command, cancellationToken);
    }

    /// <summary>The subscription's latest delivery that went out or was empty: stories first seen after it are new.</summary>
    public async Task<DeliverySummary?> LastCompletedAsync(SqliteConnection connection, long subscriptionId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SummaryColumns} FROM digest_deliveries WHERE subscription_id = $sub AND status IN ('sent', 'empty', 'pending') ORDER BY created_at DESC, id DESC LIMIT 1";
        command.Parameters.AddWithValue("$sub", subscriptionId);
        return await ReadSummaryAsync(command, cancellationToken);
    }

    /// <summary>When and in which delivery <paramref name="storyId"/> went to <paramref name="channel"/>, if it did.</summary>
    public async Task<DeliverySummary?> DeliveryOfStoryAsync(ChannelKey channel, long storyId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {SummaryColumns} FROM digest_deliveries WHERE id = (SELECT delivery_id FROM digest_delivery_stories WHERE guild_id = $guild AND channel_id = $channel AND story_id = $story)";
        AddChannel(command, channel);
        command.Parameters.AddWithValue("$story", storyId);
        return await ReadSummaryAsync(command, cancellationToken);
    }

    /// <summary>
    /// Pending deliveries that are due and not held by another process's live lease, oldest first. <paramref name="owner"/>'s
    /// own leases count as free: a restarted process resumes what it was sending when it died.
    /// </summary>
    public async Task<IReadOnlyList<long>> DueAsync(DateTimeOffset now, string owner, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id FROM digest_deliveries WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= $now) " +
            "AND (lease_until IS NULL OR lease_until <= $now OR lease_owner = $owner) ORDER BY created_at, id LIMIT $limit";
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$limit", limit);
        var result = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetInt64(0));
        }

        return result;
    }

    /// <summary>
    /// Takes the delivery for <paramref name="owner"/> until <paramref name="until"/> when it is pending, due, and its
    /// lease is free, expired or already this owner's. One UPDATE, so two processes can never both win.
    /// </summary>
    public async Task<bool> TryClaimAsync(long deliveryId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE digest_deliveries SET lease_owner = $owner, lease_until = $until WHERE id = $id AND status = 'pending' " +
            "AND (next_attempt_at IS NULL OR next_attempt_at <= $now) AND (lease_owner IS NULL OR lease_until <= $now OR lease_owner = $owner)";
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", deliveryId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Extends this owner's lease; false when it was lost (expired and taken over), in which case the sender must stop.</summary>
    public async Task<bool> RenewLeaseAsync(long deliveryId, string owner, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE digest_deliveries SET lease_until = $until WHERE id = $id AND lease_owner = $owner AND status = 'pending'";
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$until", until.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", deliveryId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Hands back every pending delivery <paramref name="owner"/> holds (on shutdown), so another process or the next
    /// start takes it up at once instead of after the lease expires. Sent parts stay sent; the rest are resumed.
    /// </summary>
    public async Task<int> ReleaseLeasesAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE digest_deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $owner AND status = 'pending'";
        command.Parameters.AddWithValue("$owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<OutboxDelivery?> LoadAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, subscription_id, guild_id, channel_id, period_key, reason, status, created_at, attempts FROM digest_deliveries WHERE id = $id";
        command.Parameters.AddWithValue("$id", deliveryId);
        OutboxDelivery delivery;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            delivery = new OutboxDelivery(
                reader.GetInt64(0), reader.GetInt64(1), ReadChannel(reader, 2), reader.GetString(4),
                Enum.Parse<DeliveryReason>(reader.GetString(5), ignoreCase: true), Enum.Parse<DeliveryStatus>(reader.GetString(6), ignoreCase: true),
                SqliteTime.FromDb(reader.GetValue(7))!.Value, reader.GetInt32(8), []);
        }

        await using var parts = connection.CreateCommand();
        parts.CommandText =
            "SELECT body, nonce, status, attempts, first_attempt_at, message_id FROM digest_delivery_parts WHERE delivery_id = $id ORDER BY part_index";
        parts.Parameters.AddWithValue("$id", deliveryId);
        var list = new List<OutboxPart>();
        await using (var reader = await parts.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(new OutboxPart(
                    JsonSerializer.Deserialize(reader.GetString(0), DeliveryJsonContext.Default.DigestPart)!,
                    reader.GetString(1),
                    reader.GetString(2) == "sent",
                    reader.GetInt32(3),
                    SqliteTime.FromDb(reader.GetValue(4)),
                    reader.IsDBNull(5) ? null : unchecked((ulong)reader.GetInt64(5))));
            }
        }

        return delivery with { Parts = list };
    }

    /// <summary>Recorded before a part is sent, so after a crash the sender knows the outcome is unknown and since when.</summary>
    public Task RecordAttemptAsync(long deliveryId, int partIndex, DateTimeOffset now, bool restartWindow, CancellationToken cancellationToken) =>
        ExecuteAsync(
            restartWindow
                ? "UPDATE digest_delivery_parts SET attempts = attempts + 1, first_attempt_at = $now WHERE delivery_id = $id AND part_index = $part"
                : "UPDATE digest_delivery_parts SET attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, $now) WHERE delivery_id = $id AND part_index = $part",
            c =>
            {
                c.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$id", deliveryId);
                c.Parameters.AddWithValue("$part", partIndex);
            },
            cancellationToken);

    public Task RecordPartSentAsync(long deliveryId, int partIndex, ulong messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE digest_delivery_parts SET status = 'sent', message_id = $message, sent_at = $now WHERE delivery_id = $id AND part_index = $part",
            c =>
            {
                c.Parameters.AddWithValue("$message", unchecked((long)messageId));
                c.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$id", deliveryId);
                c.Parameters.AddWithValue("$part", partIndex);
            },
            cancellationToken);

    public Task CompleteAsync(long deliveryId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE digest_deliveries SET status = 'sent', completed_at = $now, lease_owner = NULL, lease_until = NULL, last_error = NULL WHERE id = $id",
            c =>
            {
                c.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$id", deliveryId);
            },
            cancellationToken);

    /// <summary>Gives the lease back and sets when to try again (5xx, 429 beyond the client's retries, network).</summary>
    public Task DeferAsync(long deliveryId, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE digest_deliveries SET attempts = attempts + 1, next_attempt_at = $next, last_error = $error, lease_owner = NULL, lease_until = NULL WHERE id = $id",
            c =>
            {
                c.Parameters.AddWithValue("$next", nextAttemptAt.ToUnixTimeMilliseconds());
                c.Parameters.AddWithValue("$error", error);
                c.Parameters.AddWithValue("$id", deliveryId);
            },
            cancellationToken);

    /// <summary>
    /// Gives up on a delivery (channel gone, body refused). Stories of parts that were not confirmed sent are
    /// released, so they can still reach the channel after the subscription resumes.
    /// </summary>
    public async Task FailAsync(long deliveryId, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var release = Command(tx,
            "DELETE FROM digest_delivery_stories WHERE delivery_id = $id AND part_index IN " +
            "(SELECT part_index FROM digest_delivery_parts WHERE delivery_id = $id AND status <> 'sent')"))
        {
            release.Parameters.AddWithValue("$id", deliveryId);
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var fail = Command(tx,
            "UPDATE digest_deliveries SET status = 'failed', completed_at = $now, last_error = $error, lease_owner = NULL, lease_until = NULL WHERE id = $id"))
        {
            fail.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            fail.Parameters.AddWithValue("$error", error);
            fail.Parameters.AddWithValue("$id", deliveryId);
            await fail.ExecuteNonQueryAsync(cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
    }

    private const string SummaryColumns = "id, subscription_id, period_key, reason, status, created_at, completed_at, story_count, last_error";

    private static async Task<DeliverySummary?> ReadSummaryAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new DeliverySummary(
                reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2),
                Enum.Parse<DeliveryReason>(reader.GetString(3), ignoreCase: true), Enum.Parse<DeliveryStatus>(reader.GetString(4), ignoreCase: true),
                SqliteTime.FromDb(reader.GetValue(5))!.Value, SqliteTime.FromDb(reader.GetValue(6)), reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetString(8))
            : null;
    }

    private async Task ExecuteAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteTransaction tx, string sql)
    {
        var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    // Snowflakes stay below 2^63 for centuries; the cast keeps them in SQLite's signed INTEGER.
    private static void AddChannel(SqliteCommand command, ChannelKey channel)
    {
        command.Parameters.AddWithValue("$guild", unchecked((long)channel.GuildId));
        command.Parameters.AddWithValue("$channel", unchecked((long)channel.ChannelId));
    }

    private static ChannelKey ReadChannel(SqliteDataReader reader, int ordinal) =>
        new(unchecked((ulong)reader.GetInt64(ordinal)), unchecked((ulong)reader.GetInt64(ordinal + 1)));

    private static string Text<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
