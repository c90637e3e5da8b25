using System.Globalization;

namespace BotHost.Core.Subscriptions;

/// <summary>
/// The product side's neutral name for a channel (a text channel, thread or announcement channel): the guild
/// it belongs to and its id. Nothing here knows Discord; the bridge builds keys from interactions.
/// </summary>
public readonly record struct ChannelKey(ulong GuildId, ulong ChannelId)
{
    /// <summary>The pretend channel the offline console and the `command` CLI verb use (guild 0, channel 1).</summary>
    public static ChannelKey Local { get; } = new(0, 1);

    public bool IsLocal => this == Local;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{GuildId}/{ChannelId}");
}
