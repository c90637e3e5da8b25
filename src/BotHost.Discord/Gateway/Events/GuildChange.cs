using BotHost.Discord.Models;

namespace BotHost.Discord.Gateway.Events;

/// <summary>
/// A gateway event that may change what the bot may do in a guild's channels, with what it carries: the channel
/// (updates), the channel or thread id (deletes), or the member's user id and roles (member updates).
/// </summary>
public sealed record GuildChange(string EventName, GuildChangeKind Kind, ulong GuildId)
{
    public ulong? ChannelId { get; init; }

    /// <summary>The channel as CHANNEL_UPDATE carries it (its overwrites are the current ones).</summary>
    public Channel? Channel { get; init; }

    public ulong? UserId { get; init; }

    /// <summary>The member's role ids as GUILD_MEMBER_UPDATE carries them (without @everyone).</summary>
    public IReadOnlyList<ulong>? Roles { get; init; }
}
