using System.Net;

namespace BotHost.Discord.Rest;

/// <summary>One answer from Discord: status, parsed rate-limit headers and the (size-capped) body.</summary>
internal sealed record DiscordResponse(HttpStatusCode Status, RateLimitHeaders RateLimit, byte[] Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
