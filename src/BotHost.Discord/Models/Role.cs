using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>A guild role (S: GuildRoleResponse). The @everyone role has the guild's id.</summary>
public sealed record Role
{
    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong Id { get; init; }

    public string? Name { get; init; }

    [JsonConverter(typeof(PermissionsJsonConverter))]
    public ulong Permissions { get; init; }

    public int Position { get; init; }

    /// <summary>Roles managed by an integration (e.g. the bot's own role).</summary>
    public bool Managed { get; init; }
}
