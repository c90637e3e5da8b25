using BotHost.Discord.Gateway;
using BotHost.Discord.Rest;

namespace BotHost.Bridge;

/// <summary>Gives the gateway client GET /gateway/bot through the rate-limited REST client.</summary>
public sealed class RestGatewayInfoSource(DiscordRestClient rest) : IGatewayInfoSource
{
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var bot = await rest.GetGatewayBotAsync(cancellationToken);
        var limit = bot.SessionStartLimit;
        return new GatewayBotInfo(bot.Url, bot.Shards, new SessionStartLimit(limit.Total, limit.Remaining, limit.ResetAfter, limit.MaxConcurrency));
    }
}
