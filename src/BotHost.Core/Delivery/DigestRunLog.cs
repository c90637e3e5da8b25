using Microsoft.Extensions.Logging;

namespace BotHost.Core.Delivery;

internal static partial class DigestRunLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Digest of subscription {SubscriptionId} ({Name}) for {Period} ({Reason}): {Stories} stories")]
    public static partial void Composed(ILogger logger, long subscriptionId, string name, string period, DeliveryReason reason, int stories);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "Digest of subscription {SubscriptionId} ({Name}) for {Period} was already composed; nothing new recorded")]
    public static partial void AlreadyComposed(ILogger logger, long subscriptionId, string name, string period);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Skipped the digest of subscription {SubscriptionId} ({Name}) due at {Due}: missed by {Late}, more than the grace of {Grace} (Digests:MisfireGraceHours)")]
    public static partial void MissedBeyondGrace(ILogger logger, long subscriptionId, string name, DateTimeOffset due, TimeSpan late, TimeSpan grace);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Debug, Message = "No digest for subscription {SubscriptionId}: {Why}")]
    public static partial void NotDue(ILogger logger, long subscriptionId, string why);
}
