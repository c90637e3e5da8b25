namespace BotHost.Discord.Gateway.Events;

/// <summary>The GUILDS-intent events that can take a channel away from the bot (D: Gateway › Gateway Intents).</summary>
public enum GuildChangeKind
{
    /// <summary>CHANNEL_UPDATE or THREAD_UPDATE: the event carries the whole channel, overwrites included.</summary>
    ChannelUpdated,

    /// <summary>CHANNEL_DELETE (its threads go with it).</summary>
    ChannelDeleted,

    /// <summary>THREAD_DELETE.</summary>
    ThreadDeleted,

    /// <summary>GUILD_ROLE_UPDATE or GUILD_ROLE_DELETE: any member's permissions may have changed.</summary>
    RoleChanged,

    /// <summary>
    /// GUILD_MEMBER_UPDATE, which Discord sends for the current user without the privileged GUILD_MEMBERS intent
    /// (D: Gateway › Gateway Intents › Caveats); the event carries the member's roles.
    /// </summary>
    MemberUpdated,

    /// <summary>GUILD_DELETE without <c>unavailable</c>: the bot left or was removed from the guild.</summary>
    GuildLeft,

    /// <summary>GUILD_DELETE with <c>unavailable: true</c>: an outage, the bot is still a member.</summary>
    GuildUnavailable,
}
