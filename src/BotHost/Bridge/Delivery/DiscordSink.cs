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
    /// <summary>Pages of 100 messages read back when looking for a part: enough for a busy channel's last hours, bounded.</summary>
    public const int MaxSearchPages = 5;

    private ulong? _botUserId;

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

    /// <summary>
    /// Reads the channel's messages back to <paramref name="since"/> (newest first, at most <see cref="MaxSearchPages"/>
    /// pages) for one the bot posted whose marker (last embed footer, or content) is the part's. A read that fails
    /// answers "not searched", so nothing is sent again on a guess.
    /// </summary>
    public async Task<SinkSearch> FindAsync(ChannelKey channel, DigestPart part, DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            _botUserId ??= (await rest.GetCurrentUserAsync(cancellationToken)).Id;
            ulong? before = null;
            for (var page = 0; page < MaxSearchPages; page++)
            {
                var messages = await rest.GetChannelMessagesAsync(channel.ChannelId, DiscordRestClient.MaxMessagesPerRead, before, cancellationToken);
                if (messages.FirstOrDefault(m => m.Author?.Id == _botUserId && DigestMessages.MarkerOf(m) == part.Marker) is { } found)
                {
                    return SinkSearch.Found(found.Id);
                }

                if (messages.Count < DiscordRestClient.MaxMessagesPerRead || messages[^1].Timestamp is not { } oldest || oldest < since)
                {
                    return SinkSearch.NotFound;
                }

                before = messages[^1].Id;
            }

            return SinkSearch.Failed($"the part was not among the channel's last {MaxSearchPages * DiscordRestClient.MaxMessagesPerRead} messages, which do not reach back to its first attempt");
        }
        catch (DiscordHttpException ex)
        {
            return SinkSearch.Failed($"reading the channel's messages failed: {ex.Message}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or IOException or InvalidDataException)
        {
            return SinkSearch.Failed($"no usable answer from Discord: {ex.Message}");
        }
    }

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
