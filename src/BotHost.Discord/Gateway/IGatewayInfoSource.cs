namespace BotHost.Discord.Gateway;

/// <summary>
/// Where the gateway client learns its URL, recommended shard count and session start limit
/// (GET /gateway/bot). A seam so the gateway does not depend on the REST client's shape.
/// </summary>
public interface IGatewayInfoSource
{
    Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken);
}
