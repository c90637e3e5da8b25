using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;

namespace BotHost.Bridge.Commands;

/// <summary>What the digest commands share: the channel key of an interaction and the Manage Channels rule.</summary>
public static class ChannelCommands
{
    public const string NotInGuild = "This command works in a server channel, not in direct messages.";

    public const string NeedsManageChannels = "You need the Manage Channels permission in this channel to do that.";

    public static ChannelKey? ChannelOf(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GuildId is { } guild && context.ChannelId is { } channel ? new ChannelKey(guild, channel) : null;
    }
}
