namespace BotHost.Discord.Gateway;

/// <summary>The body of GET /gateway/bot.</summary>
/// <param name="Url">WebSocket base URL, e.g. wss://gateway.discord.gg (no query).</param>
/// <param name="Shards">Recommended shard count.</param>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);
