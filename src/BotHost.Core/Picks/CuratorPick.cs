using BotHost.Core.Subscriptions;

namespace BotHost.Core.Picks;

/// <summary>A story a member shared into a channel, with who shared it and why; digests rank picks above automatic stories.</summary>
public sealed record CuratorPick(
    long Id,
    ChannelKey Channel,
    long StoryId,
    ulong PickedBy,
    string PickedByName,
    string? Note,
    DateTimeOffset PickedAt);
