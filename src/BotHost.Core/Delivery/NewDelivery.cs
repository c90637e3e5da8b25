using BotHost.Core.Digests;
using BotHost.Core.Subscriptions;

namespace BotHost.Core.Delivery;

/// <summary>What composing a digest records: the stories in rank order and the parts they render to (none when empty).</summary>
public sealed record NewDelivery(
    long SubscriptionId,
    ChannelKey Channel,
    string PeriodKey,
    DeliveryReason Reason,
    IReadOnlyList<long> StoryIds,
    IReadOnlyList<DigestPart> Parts,
    DateTimeOffset CreatedAt);
