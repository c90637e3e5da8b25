using System.Globalization;
using System.Text.Json;
using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Subscriptions;

/// <summary>The only SQL over the subscriptions table. Other features read subscriptions through these queries.</summary>
public sealed class SubscriptionStore(SqliteConnectionFactory connections)
{
    private const string Columns =
        "id, guild_id, channel_id, name, topics, sources, include_keywords, exclude_keywords, include_pattern, exclude_pattern, " +
        "mode, delivery_time, weekday, time_zone, size, muted_sources, paused, paused_reason, share_role_id, created_by, created_at, updated_at";

    public async Task<Subscription?> GetAsync(long id, CancellationToken cancellationToken)
        => (await QueryAsync("WHERE id = $id", p => p.AddWithValue("$id", id), cancellationToken)).FirstOrDefault();

    public async Task<Subscription?> GetAsync(ChannelKey channel, string name, CancellationToken cancellationToken)
        => (await QueryAsync("WHERE guild_id = $g AND channel_id = $c AND name = $n", p =>
        {
            AddChannel(p, channel);
            p.AddWithValue("$n", name);
        }, cancellationToken)).FirstOrDefault();

    /// <summary>The channel's subscriptions by name.</summary>
    public Task<IReadOnlyList<Subscription>> ListForChannelAsync(ChannelKey channel, CancellationToken cancellationToken)
        => QueryAsync("WHERE guild_id = $g AND channel_id = $c ORDER BY name", p => AddChannel(p, channel), cancellationToken);

    /// <summary>Every subscription of one guild, by channel then name.</summary>
    public Task<IReadOnlyList<Subscription>> ListForGuildAsync(ulong guildId, CancellationToken cancellationToken)
        => QueryAsync("WHERE guild_id = $g ORDER BY channel_id, name", p => p.AddWithValue("$g", ToDb(guildId)), cancellationToken);

    /// <summary>Subscriptions that are not paused (what a scheduler reconciles at start).</summary>
    public Task<IReadOnlyList<Subscription>> ListActiveAsync(CancellationToken cancellationToken)
        => QueryAsync("WHERE paused = 0 ORDER BY id", _ => { }, cancellationToken);

    public Task<IReadOnlyList<Subscription>> ListAllAsync(CancellationToken cancellationToken)
        => QueryAsync("ORDER BY id", _ => { }, cancellationToken);

    public async Task<int> CountForChannelAsync(ChannelKey channel, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM subscriptions WHERE guild_id = $g AND channel_id = $c";
        AddChannel(command.Parameters, channel);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Creates the channel's subscription of that name, or replaces its settings (keeping id and creation).</summary>
    public async Task<Subscription> UpsertAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO subscriptions({Columns[4..]}) VALUES (" +
            "$g, $c, $n, $topics, $sources, $inc, $exc, $incp, $excp, $mode, $time, $weekday, $zone, $size, $muted, $paused, $reason, $role, $by, $at, $at) " +
            "ON CONFLICT(guild_id, channel_id, name) DO UPDATE SET topics = excluded.topics, sources = excluded.sources, " +
            "include_keywords = excluded.include_keywords, exclude_keywords = excluded.exclude_keywords, include_pattern = excluded.include_pattern, " +
            "exclude_pattern = excluded.exclude_pattern, mode = excluded.mode, delivery_time = excluded.delivery_time, weekday = excluded.weekday, " +
            "time_zone = excluded.time_zone, size = excluded.size, muted_sources = excluded.muted_sources, paused = excluded.paused, " +
            "paused_reason = excluded.paused_reason, share_role_id = excluded.share_role_id, updated_at = excluded.updated_at " +
            $"RETURNING {Columns}";
        var p = command.Parameters;
        AddChannel(p, subscription.Channel);
        p.AddWithValue("$n", subscription.Name);
        p.AddWithValue("$topics", ListToDb(subscription.Topics));
        p.AddWithValue("$sources", ListToDb(subscription.Sources));
        p.AddWithValue("$inc", ListToDb(subscription.IncludeKeywords));
        p.AddWithValue("$exc", ListToDb(subscription.ExcludeKeywords));
        p.AddWithValue("$incp", SqliteTime.OrNull(subscription.IncludePattern));
        p.AddWithValue("$excp", SqliteTime.OrNull(subscription.ExcludePattern));
        p.AddWithValue("$mode", subscription.Mode.ToString().ToLowerInvariant());
        p.AddWithValue("$time", subscription.DeliveryTime.ToString("HH:mm", CultureInfo.InvariantCulture));
        p.AddWithValue("$weekday", subscription.Weekday is { } day ? (int)day : DBNull.Value);
        p.AddWithValue("$zone", subscription.TimeZone);
        p.AddWithValue("$size", subscription.Size);
        p.AddWithValue("$muted", ListToDb(subscription.MutedSources));
        p.AddWithValue("$paused", subscription.Paused ? 1 : 0);
        p.AddWithValue("$reason", SqliteTime.OrNull(subscription.PausedReason));
        p.AddWithValue("$role", subscription.ShareRoleId is { } role ? ToDb(role) : DBNull.Value);
        p.AddWithValue("$by", subscription.CreatedBy is { } by ? ToDb(by) : DBNull.Value);
        p.AddWithValue("$at", subscription.UpdatedAt.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    /// <summary>Removes one subscription; false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM subscriptions WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<IReadOnlyList<Subscription>> QueryAsync(string where, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM subscriptions {where}";
        bind(command.Parameters);
        var result = new List<Subscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    private static void AddChannel(SqliteParameterCollection parameters, ChannelKey channel)
    {
        parameters.AddWithValue("$g", ToDb(channel.GuildId));
        parameters.AddWithValue("$c", ToDb(channel.ChannelId));
    }

    private static long ToDb(ulong snowflake) => unchecked((long)snowflake);

    private static ulong FromDb(long value) => unchecked((ulong)value);

    private static string ListToDb(IReadOnlyList<string> values)
        => JsonSerializer.Serialize(values as string[] ?? [.. values], SubscriptionJsonContext.Default.StringArray);

    private static string[] ListFromDb(string json) => JsonSerializer.Deserialize(json, SubscriptionJsonContext.Default.StringArray) ?? [];

    private static Subscription Read(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Channel = new ChannelKey(FromDb(r.GetInt64(1)), FromDb(r.GetInt64(2))),
        Name = r.GetString(3),
        Topics = ListFromDb(r.GetString(4)),
        Sources = ListFromDb(r.GetString(5)),
        IncludeKeywords = ListFromDb(r.GetString(6)),
        ExcludeKeywords = ListFromDb(r.GetString(7)),
        IncludePattern = r.IsDBNull(8) ? null : r.GetString(8),
        ExcludePattern = r.IsDBNull(9) ? null : r.GetString(9),
        Mode = Enum.Parse<SubscriptionMode>(r.GetString(10), ignoreCase: true),
        DeliveryTime = TimeOnly.ParseExact(r.GetString(11), "HH:mm", CultureInfo.InvariantCulture),
        Weekday = r.IsDBNull(12) ? null : (DayOfWeek)r.GetInt32(12),
        TimeZone = r.GetString(13),
        Size = r.GetInt32(14),
        MutedSources = ListFromDb(r.GetString(15)),
        Paused = r.GetInt64(16) != 0,
        PausedReason = r.IsDBNull(17) ? null : r.GetString(17),
        ShareRoleId = r.IsDBNull(18) ? null : FromDb(r.GetInt64(18)),
        CreatedBy = r.IsDBNull(19) ? null : FromDb(r.GetInt64(19)),
        CreatedAt = SqliteTime.FromDb(r.GetValue(20))!.Value,
        UpdatedAt = SqliteTime.FromDb(r.GetValue(21))!.Value,
    };
}
