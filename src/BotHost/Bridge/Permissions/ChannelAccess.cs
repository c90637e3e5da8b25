namespace BotHost.Bridge.Permissions;

/// <summary>
/// The bot's access to one channel: whether it can post, and if not, what is missing or gone, in words an operator
/// and a channel's members can act on. <see cref="Permissions"/> is the effective bit set when it was computed.
/// </summary>
public sealed record ChannelAccess(ChannelAccessState State, string Detail)
{
    public string? ChannelName { get; init; }

    public bool IsThread { get; init; }

    public IReadOnlyList<string> Missing { get; init; } = [];

    public ulong? Permissions { get; init; }

    /// <summary>True when deliveries here would fail for good, so a subscription should pause.</summary>
    public bool Blocks => State is ChannelAccessState.MissingPermissions or ChannelAccessState.ChannelGone or ChannelAccessState.BotRemoved;

    public static ChannelAccess CanPost(string? name, bool isThread, ulong permissions) => new(
        ChannelAccessState.CanPost,
        isThread ? "the bot can view it and send messages in threads and embeds" : "the bot can view it and send messages and embeds")
    {
        ChannelName = name, IsThread = isThread, Permissions = permissions,
    };

    public static ChannelAccess Lacking(string? name, bool isThread, IReadOnlyList<string> missing, ulong? permissions) => new(
        ChannelAccessState.MissingPermissions, $"the bot is missing {PostingPermissions.Names(missing)}")
    {
        ChannelName = name, IsThread = isThread, Missing = missing, Permissions = permissions,
    };

    public static ChannelAccess Gone(bool isThread) => new(ChannelAccessState.ChannelGone, isThread ? "the thread was deleted" : "the channel was deleted") { IsThread = isThread };

    public static ChannelAccess Removed() => new(ChannelAccessState.BotRemoved, "the bot is no longer in this server");

    public static ChannelAccess Unknown(string why) => new(ChannelAccessState.Unknown, $"Discord could not be asked ({why})");
}
