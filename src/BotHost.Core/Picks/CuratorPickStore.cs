using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Picks;

/// <summary>The only SQL over curator_picks. A story is picked at most once per channel; the first pick stands.</summary>
public sealed class CuratorPickStore(SqliteConnectionFactory connections)
{
    private const string Columns = "id, guild_id, channel_id, story_id, picked_by, picked_by_name, note, picked_at";

    /// <summary>Stores the pick unless the story is already picked in that channel; returns the pick that stands.</summary>
    public async Task<(CuratorPick Pick, bool Added)> AddAsync(
        ChannelKey channel, long storyId, ulong pickedBy, string pickedByName, string? note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText =
                "INSERT INTO curator_picks(guild_id, channel_id, story_id, picked_by, picked_by_name, note, picked_at) " +
                "VALUES ($g, $c, $story, $by, $name, $note, $at) ON CONFLICT(guild_id, channel_id, story_id) DO NOTHING";
            AddChannel(insert.Parameters, channel);
            insert.Parameters.AddWithValue("$story", storyId);
            insert.Parameters.AddWithValue("$by", unchecked((long)pickedBy));
            insert.Parameters.AddWithValue("$name", pickedByName);
            insert.Parameters.AddWithValue("$note", SqliteTime.OrNull(note));
            insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            var added = await insert.ExecuteNonQueryAsync(cancellationToken) > 0;

            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT {Columns} FROM curator_picks WHERE guild_id = $g AND channel_id = $c AND story_id = $story";
            AddChannel(read.Parameters, channel);
            read.Parameters.AddWithValue("$story", storyId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return (Read(reader), added);
        }
    }

    /// <summary>The channel's picks made at or after <paramref name="since"/>, newest first (for ranking a digest).</summary>
    public async Task<IReadOnlyList<CuratorPick>> PicksForChannelAsync(ChannelKey channel, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM curator_picks WHERE guild_id = $g AND channel_id = $c AND picked_at >= $since ORDER BY picked_at DESC, id DESC";
        AddChannel(command.Parameters, channel);
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        var result = new List<CuratorPick>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    private static void AddChannel(SqliteParameterCollection parameters, ChannelKey channel)
    {
        parameters.AddWithValue("$g", unchecked((long)channel.GuildId));
        parameters.AddWithValue("$c", unchecked((long)channel.ChannelId));
    }

    private static CuratorPick Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        new ChannelKey(unchecked((ulong)r.GetInt64(1)), unchecked((ulong)r.GetInt64(2))),
        r.GetInt64(3),
        unchecked((ulong)r.GetInt64(4)),
        r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        SqliteTime.FromDb(r.GetValue(7))!.Value);
}
