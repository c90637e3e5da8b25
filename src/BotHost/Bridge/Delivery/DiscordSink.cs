using System.Net;
using BotHost.Core.Delivery;
using BotHost.Core.Digests;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Models;
using BotHost.Discord.Rest;

namespace BotHost.Bridge.Delivery;

/// <summary>
/// Posts digest parts to Discord channels through the rate-limited REST client (its route buckets and global
/// limit pace a fan-out) and maps Discord's answers to delivery outcomes: 403/404 mean the channel is gone for
/// the bot, 400 a refused body, anything retryable (5xx, 429, timeouts) a transient failure.
/// </summary>
public sealed class DiscordSink(DiscordRestClient rest) : ISink
{
    public async Task<SinkResult> PostAsync(ChannelKey channel, DigestPart part, string nonce, CancellationToken cancellationToken)
    {
        try
        {
            var message = await rest.CreateMessageAsync(channel.ChannelId, DigestMessages.Create(part, nonce), cancellationToken);
            return SinkResult.Posted(message.Id);
        }
        catch (DiscordHttpException ex)
        {
            return FromError(ex);
        }
        catch (DiscordValidationException ex)
        {
            return SinkResult.Rejected($"the digest part breaks a Discord limit ({ex.Message})");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or IOException or InvalidDataException)
        {
            return SinkResult.Transient($"no usable answer from Discord: {ex.Message}");
        }
    }

    public Task<SinkSearch> FindAsync(ChannelKey channel, DigestPart part, DateTimeOffset since, CancellationToken cancellationToken)
        => Task.FromResult(SinkSearch.Failed("reading channel messages is not available in this client yet"));

    internal static SinkResult FromError(DiscordHttpException ex) => ex.Status switch
    {
        HttpStatusCode.Forbidden => SinkResult.ChannelGone(
            $"Discord refused with 403{Code(ex)}: the bot may no longer view this channel or send messages and embeds there. Give it View Channel, Send Messages and Embed Links, then /subscription resume."),
        HttpStatusCode.NotFound => SinkResult.ChannelGone(
            $"Discord answered 404{Code(ex)}: the channel was deleted or the bot was removed from the server."),
        HttpStatusCode.BadRequest => SinkResult.Rejected($"Discord refused the message as invalid: {ex.Message}"),
        _ => SinkResult.Transient(ex.Message),
    };

    private static string Code(DiscordHttpException ex) => ex.Code is { } code ? $" (code {code}{(ex.DiscordMessage is { Length: > 0 } m ? ", " + m : "")})" : "";
}
