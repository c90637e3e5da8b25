using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>GET /applications/@me, reduced to what the bot needs.</summary>
public sealed record Application
{
    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong Id { get; init; }

    public string? Name { get; init; }
}
