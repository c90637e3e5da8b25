namespace BotHost.Discord.Models;

/// <summary>GET /gateway/bot (S: GatewayBotResponse). Not to be cached for long.</summary>
public sealed record GatewayBot
{
    public required string Url { get; init; }

    /// <summary>Recommended shard count.</summary>
    public int Shards { get; init; }

    public required SessionStartLimit SessionStartLimit { get; init; }
}
