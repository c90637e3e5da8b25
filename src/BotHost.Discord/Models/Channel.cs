using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>Minimal channel (D: Channel › Channel Object); <c>type</c> 0 = GUILD_TEXT, 5 = GUILD_ANNOUNCEMENT.</summary>
public sealed record Channel
{
    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong Id { get; init; }

    public int Type { get; init; }

    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong? GuildId { get; init; }

    public string? Name { get; init; }
}
