using BotHost.Discord.Gateway;
using BotHost.Discord.Models;
using BotHost.Discord.Rest;

namespace BotHost.Bridge;

/// <summary>Gives the gateway client GET /gateway/bot through the rate-limited REST client.</summary>
public sealed class RestGatewayInfoSource(DiscordRestClient rest) : IGatewayInfoSource
{
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        GatewayBot bot;
        try
        {
            bot = await rest.GetGatewayBotAsync(cancellationToken);
        }
        catch (DiscordHttpException ex) when (ex.Status is System.Net.HttpStatusCode.Unauthorized)
        {
            // Retrying cannot fix a rejected token; the gateway stops and the host with it.
            throw new GatewayConfigurationException("Discord rejected the bot token (401 on GET /gateway/bot). Check Discord:Token.");
        }

        var limit = bot.SessionStartLimit;
        return new GatewayBotInfo(bot.Url, bot.Shards, new BotHost.Discord.Gateway.SessionStartLimit(limit.Total, limit.Remaining, limit.ResetAfter, limit.MaxConcurrency));
    }
}
