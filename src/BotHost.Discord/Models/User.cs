using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>The few user fields the bot reads (D: User › User Object).</summary>
public sealed record User
{
    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong Id { get; init; }

    public string? Username { get; init; }

    public bool? Bot { get; init; }
}
