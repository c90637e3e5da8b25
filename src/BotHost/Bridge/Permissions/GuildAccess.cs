using BotHost.Discord.Models;

namespace BotHost.Bridge.Permissions;

/// <summary>
/// One guild's roles and owner and the bot's roles there, read once to check several of its channels; or, when the
/// guild could not be read, the <see cref="Failure"/> every channel of it gets.
/// </summary>
public sealed record GuildAccess(Guild? Guild, ulong BotUserId, IReadOnlyCollection<ulong> BotRoles, ChannelAccess? Failure)
{
    public static GuildAccess Failed(ChannelAccess failure) => new(null, 0, [], failure);
}
