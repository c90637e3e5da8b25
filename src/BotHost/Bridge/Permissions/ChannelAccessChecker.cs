using System.Net;
using BotHost.Discord.Models;
using BotHost.Discord.Permissions;
using BotHost.Discord.Rest;

namespace BotHost.Bridge.Permissions;

/// <summary>
/// The bot's effective permissions in a channel, computed as Discord documents it (<see cref="PermissionCalculator"/>
/// over the guild's roles, the bot member's roles and the channel's overwrites; a thread has none of its own and uses
/// its parent's) from REST reads, or from what a gateway event already carried. Each read has the REST client's
/// timeout (Discord:RequestTimeoutSeconds) and the caller's token.
/// </summary>
public sealed class ChannelAccessChecker(DiscordRestClient rest)
{
    private ulong? _botUserId;

    /// <summary>The bot's own user id (GET /users/@me once; it does not change for a token).</summary>
    public async Task<ulong> BotUserIdAsync(CancellationToken cancellationToken)
        => _botUserId ??= (await rest.GetCurrentUserAsync(cancellationToken)).Id;

    /// <summary>Reads the guild and, unless <paramref name="botRoles"/> are given (a member update carries them), the bot's roles there.</summary>
    public async Task<GuildAccess> ReadGuildAsync(ulong guildId, IReadOnlyCollection<ulong>? botRoles, CancellationToken cancellationToken)
    {
        try
        {
            var botId = await BotUserIdAsync(cancellationToken);
            var guild = await rest.GetGuildAsync(guildId, cancellationToken);
            var roles = botRoles ?? [.. (await rest.GetGuildMemberAsync(guildId, botId, cancellationToken)).Roles];
            return new GuildAccess(guild, botId, roles, null);
        }
        catch (DiscordHttpException ex) when (ex.Status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            // 10004 unknown guild, 10007 unknown member, 50001 missing access: the bot is not (or no longer) in it.
            return GuildAccess.Failed(ChannelAccess.Removed());
        }
        catch (Exception ex) when (DiscordFailure.Is(ex))
        {
            return GuildAccess.Failed(ChannelAccess.Unknown(ex.Message));
        }
    }

    /// <summary>The bot's access to <paramref name="channelId"/>; <paramref name="known"/> is the channel as an event carried it.</summary>
    public async Task<ChannelAccess> CheckAsync(GuildAccess guild, ulong channelId, Channel? known, CancellationToken cancellationToken)
    {
        if (guild.Failure is { } failure)
        {
            return failure;
        }

        var isThread = known?.IsThread ?? false;
        try
        {
            var channel = known ?? await rest.GetChannelAsync(channelId, cancellationToken);
            isThread = channel.IsThread;
            var source = isThread && channel.ParentId is { } parentId ? await rest.GetChannelAsync(parentId, cancellationToken) : channel;
            var g = guild.Guild!;
            if (channel.GuildId is { } owner && owner != g.Id)
            {
                return ChannelAccess.Gone(isThread);
            }

            var permissions = PermissionCalculator.ForChannel(g.Id, g.OwnerId, g.Roles, guild.BotUserId, guild.BotRoles, source.PermissionOverwrites);
            var missing = PostingPermissions.Missing(permissions, isThread);
            return missing.Count == 0
                ? ChannelAccess.CanPost(channel.Name, isThread, permissions)
                : ChannelAccess.Lacking(channel.Name, isThread, missing, permissions);
        }
        catch (DiscordHttpException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            return ChannelAccess.Gone(isThread);
        }
        catch (DiscordHttpException ex) when (ex.Status == HttpStatusCode.Forbidden)
        {
            // 50001 Missing Access on reading a channel: the bot cannot see it at all.
            return ChannelAccess.Lacking(null, isThread, ["View Channel"], null);
        }
        catch (Exception ex) when (DiscordFailure.Is(ex))
        {
            return ChannelAccess.Unknown(ex.Message);
        }
    }
}
