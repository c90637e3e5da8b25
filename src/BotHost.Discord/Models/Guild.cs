using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>GET /guilds/{id} (S: GuildResponse), reduced to what permission checks need: the owner and the roles.</summary>
public sealed record Guild
{
    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong Id { get; init; }

    public string? Name { get; init; }

    /// <summary>The owner has every permission, whatever the roles say.</summary>
    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong OwnerId { get; init; }

    public IReadOnlyList<Role> Roles { get; init; } = [];
}
