using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>
/// One channel permission overwrite (S: ChannelPermissionOverwriteResponse): for a role (<see cref="Type"/> 0,
/// the @everyone role's id is the guild id) or a member (1). Allow and deny are bit sets sent as strings.
/// </summary>
public sealed record PermissionOverwrite
{
    public const int RoleType = 0;
    public const int MemberType = 1;

    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong Id { get; init; }

    public int Type { get; init; }

    [JsonConverter(typeof(PermissionsJsonConverter))]
    public ulong Allow { get; init; }

    [JsonConverter(typeof(PermissionsJsonConverter))]
    public ulong Deny { get; init; }
}
