using System.Globalization;
using BotHost.Discord.Models;

namespace BotHost.Discord.Rest;

// Reads other features need: who the bot is, what a channel and its guild look like (to compute the bot's
// permissions before posting), and the channel's recent messages (to find a digest part after an unknown outcome).
public sealed partial class DiscordRestClient
{
    /// <summary>Discord's cap on GET /channels/{id}/messages.</summary>
    public const int MaxMessagesPerRead = 100;

    /// <summary>GET /users/@me: the bot's own user.</summary>
    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken)
        => SendAsync(DiscordRoute.Create(HttpMethod.Get, "/users/@me"), DiscordRestJsonContext.Default.User, cancellationToken);

    /// <summary>GET /channels/{channel_id}: type, guild, parent and permission overwrites. 404 (10003) when it is gone.</summary>
    public Task<Channel> GetChannelAsync(ulong channelId, CancellationToken cancellationToken)
        => SendAsync(DiscordRoute.Create(HttpMethod.Get, "/channels/{channel_id}", Id(channelId)), DiscordRestJsonContext.Default.Channel, cancellationToken);

    /// <summary>GET /guilds/{guild_id}: owner and roles.</summary>
    public Task<Guild> GetGuildAsync(ulong guildId, CancellationToken cancellationToken)
        => SendAsync(DiscordRoute.Create(HttpMethod.Get, "/guilds/{guild_id}", Id(guildId)), DiscordRestJsonContext.Default.Guild, cancellationToken);

    /// <summary>GET /guilds/{guild_id}/roles.</summary>
    public async Task<IReadOnlyList<Role>> GetGuildRolesAsync(ulong guildId, CancellationToken cancellationToken)
        => await SendAsync(DiscordRoute.Create(HttpMethod.Get, "/guilds/{guild_id}/roles", Id(guildId)), DiscordRestJsonContext.Default.ListRole, cancellationToken).ConfigureAwait(false);

    /// <summary>GET /guilds/{guild_id}/members/{user_id}, e.g. the bot's own roles (user id from <see cref="GetCurrentUserAsync"/>).</summary>
    public Task<GuildMember> GetGuildMemberAsync(ulong guildId, ulong userId, CancellationToken cancellationToken)
        => SendAsync(
            DiscordRoute.Create(HttpMethod.Get, "/guilds/{guild_id}/members/{user_id}", Id(guildId), Id(userId)),
            DiscordRestJsonContext.Default.GuildMember,
            cancellationToken);

    /// <summary>
    /// GET /channels/{channel_id}/messages?limit=N: the channel's most recent messages, newest first; with
    /// <paramref name="before"/>, those older than that message. Needs VIEW_CHANNEL and READ_MESSAGE_HISTORY.
    /// </summary>
    /// <param name="limit">1 to <see cref="MaxMessagesPerRead"/>.</param>
    public async Task<IReadOnlyList<Message>> GetChannelMessagesAsync(ulong channelId, int limit, ulong? before, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxMessagesPerRead);
        var query = "limit=" + limit.ToString(CultureInfo.InvariantCulture) + (before is { } id ? "&before=" + Id(id) : string.Empty);
        var route = DiscordRoute.Create(HttpMethod.Get, "/channels/{channel_id}/messages", Id(channelId)).WithQuery(query);
        return await SendAsync(route, DiscordRestJsonContext.Default.ListMessage, cancellationToken).ConfigureAwait(false);
    }
}
