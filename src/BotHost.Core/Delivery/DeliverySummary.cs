namespace BotHost.Core.Delivery;

/// <summary>A delivery's header row, for "already posted", "last digest" and /explain answers.</summary>
public sealed record DeliverySummary(
    long Id,
    long SubscriptionId,
    string PeriodKey,
    DeliveryReason Reason,
    DeliveryStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    int StoryCount,
    string? LastError);
