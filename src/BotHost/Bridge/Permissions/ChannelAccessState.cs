namespace BotHost.Bridge.Permissions;

/// <summary>What a check of the bot's access to a channel found.</summary>
public enum ChannelAccessState
{
    /// <summary>The bot can view the channel and send messages (in threads) and embeds there.</summary>
    CanPost,

    /// <summary>The channel is there but the bot lacks a permission a delivery needs.</summary>
    MissingPermissions,

    /// <summary>The channel or thread was deleted.</summary>
    ChannelGone,

    /// <summary>The bot is no longer a member of the server.</summary>
    BotRemoved,

    /// <summary>Discord could not be asked (timeout, 5xx, rate limit, bad token): nothing is concluded.</summary>
    Unknown,
}
