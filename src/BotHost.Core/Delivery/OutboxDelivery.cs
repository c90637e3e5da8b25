using BotHost.Core.Subscriptions;

namespace BotHost.Core.Delivery;

/// <summary>A delivery as the outbox holds it: whose digest for which period, to which channel, and its parts in order.</summary>
public sealed record OutboxDelivery(
    long Id,
    long SubscriptionId,
    ChannelKey Channel,
    string PeriodKey,
    DeliveryReason Reason,
    DeliveryStatus Status,
    DateTimeOffset CreatedAt,
    int Attempts,
    IReadOnlyList<OutboxPart> Parts);
