using System.Text.Json;
using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Sources;

/// <summary>The only SQL over guild_sources (and the one read that matches it to the sources rows its feeds are collected under).</summary>
public sealed class GuildSourceStore(SqliteConnectionFactory connections)
{
    private const string Columns = "id, guild_id, name, url, topics, added_by, added_at";

    public Task<IReadOnlyList<GuildSource>> ListForGuildAsync(ulong guildId, CancellationToken cancellationToken)
        => QueryAsync("WHERE guild_id = $g ORDER BY name", p => p.AddWithValue("$g", unchecked((long)guildId)), cancellationToken);

    public Task<IReadOnlyList<GuildSource>> ListAllAsync(CancellationToken cancellationToken)
        => QueryAsync("ORDER BY id", _ => { }, cancellationToken);

    /// <summary>
    /// Ids of sources rows whose location is some guild's feed, but not one of <paramref name="guildId"/>'s (none
    /// when null) and not in <paramref name="configuredLocations"/>: see <see cref="SourceVisibility"/>.
    /// </summary>
    public async Task<IReadOnlyList<long>> SourceIdsHiddenFromAsync(ulong? guildId, IReadOnlyList<string> configuredLocations, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT src.id FROM sources src WHERE src.location IN (SELECT url FROM guild_sources) " +
            "AND src.location NOT IN (SELECT url FROM guild_sources WHERE guild_id = $g) " +
            "AND src.location NOT IN (SELECT value FROM json_each($configured)) ORDER BY src.id";
        command.Parameters.AddWithValue("$g", guildId is { } guild ? unchecked((long)guild) : DBNull.Value);
        command.Parameters.AddWithValue("$configured", JsonSerializer.Serialize(configuredLocations.ToArray(), GuildSourceJsonContext.Default.StringArray));
        var hidden = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hidden.Add(reader.GetInt64(0));
        }

        return hidden;
    }

    /// <summary>Stores the source; false when the guild already has one with that name or URL.</summary>
    public async Task<bool> AddAsync(GuildSource source, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO guild_sources(guild_id, name, url, topics, added_by, added_at) VALUES ($g, $name, $url, $topics, $by, $at) ON CONFLICT DO NOTHING";
        command.Parameters.AddWithValue("$g", unchecked((long)source.GuildId));
        command.Parameters.AddWithValue("$name", source.Name);
        command.Parameters.AddWithValue("$url", source.Url);
        command.Parameters.AddWithValue("$topics", JsonSerializer.Serialize(source.Topics.ToArray(), GuildSourceJsonContext.Default.StringArray));
        command.Parameters.AddWithValue("$by", source.AddedBy is { } by ? unchecked((long)by) : DBNull.Value);
        command.Parameters.AddWithValue("$at", source.AddedAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> RemoveAsync(ulong guildId, string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM guild_sources WHERE guild_id = $g AND name = $name";
        command.Parameters.AddWithValue("$g", unchecked((long)guildId));
        command.Parameters.AddWithValue("$name", name);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<IReadOnlyList<GuildSource>> QueryAsync(string where, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM guild_sources {where}";
        bind(command.Parameters);
        var result = new List<GuildSource>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new GuildSource(
                reader.GetInt64(0),
                unchecked((ulong)reader.GetInt64(1)),
                reader.GetString(2),
                reader.GetString(3),
                JsonSerializer.Deserialize(reader.GetString(4), GuildSourceJsonContext.Default.StringArray) ?? [],
                reader.IsDBNull(5) ? null : unchecked((ulong)reader.GetInt64(5)),
                SqliteTime.FromDb(reader.GetValue(6))!.Value));
        }

        return result;
    }
}
