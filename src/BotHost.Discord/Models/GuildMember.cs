using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>GET /guilds/{guild_id}/members/{user_id} (S: GuildMemberResponse): the member's role ids, without @everyone.</summary>
public sealed record GuildMember
{
    public User? User { get; init; }

    public string? Nick { get; init; }

    [JsonConverter(typeof(SnowflakeListJsonConverter))]
    public IReadOnlyList<ulong> Roles { get; init; } = [];

    public DateTimeOffset? JoinedAt { get; init; }
}
