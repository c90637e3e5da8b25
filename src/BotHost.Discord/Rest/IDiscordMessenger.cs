using BotHost.Discord.Models;

namespace BotHost.Discord.Rest;

/// <summary>
/// The narrow surface bot features post through. <see cref="DiscordRestClient"/> implements it; an adapter
/// over another library (e.g. Discord.Net) could replace it without touching the features.
/// </summary>
public interface IDiscordMessenger
{
    /// <summary>Posts a message. Give it a nonce (see <see cref="MessageNonce"/>) with enforce_nonce so a retry cannot post twice.</summary>
    Task<Message> SendMessageAsync(ulong channelId, MessageCreate message, CancellationToken cancellationToken);

    Task<Message> EditMessageAsync(ulong channelId, ulong messageId, MessageEdit edit, CancellationToken cancellationToken);

    Task DeleteMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken);
}
