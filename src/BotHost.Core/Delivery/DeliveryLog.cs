using BotHost.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace BotHost.Core.Delivery;

internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Delivered digest {DeliveryId} ({Period}) to {Channel}: {Parts} messages")]
    public static partial void Delivered(ILogger logger, long deliveryId, string period, ChannelKey channel, int parts);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Digest {DeliveryId} to {Channel} will be retried at {NextAttempt} (attempt {Attempt}): {Reason}")]
    public static partial void Deferred(ILogger logger, long deliveryId, ChannelKey channel, DateTimeOffset nextAttempt, int attempt, string reason);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Digest {DeliveryId} to {Channel} failed for good and its subscription {SubscriptionId} is paused: {Reason}")]
    public static partial void ChannelGone(ILogger logger, long deliveryId, ChannelKey channel, long subscriptionId, string reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "Digest {DeliveryId} to {Channel} was refused and is dropped (stories released): {Reason}")]
    public static partial void Rejected(ILogger logger, long deliveryId, ChannelKey channel, string reason);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Part {Part} of digest {DeliveryId} was found in {Channel} as message {MessageId}; not sent again")]
    public static partial void FoundBySearch(ILogger logger, int part, long deliveryId, ChannelKey channel, ulong messageId);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Lost the lease on digest {DeliveryId}; another process finishes it")]
    public static partial void LeaseLost(ILogger logger, long deliveryId);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Error, Message = "Sending digest {DeliveryId} failed unexpectedly; it is retried later and other deliveries go on")]
    public static partial void Crashed(ILogger logger, long deliveryId, Exception exception);

    [LoggerMessage(EventId = 7008, Level = LogLevel.Error, Message = "Digest {DeliveryId} to {Channel} is given up after {Attempts} attempts (stories released): {Reason}")]
    public static partial void GaveUp(ILogger logger, long deliveryId, ChannelKey channel, int attempts, string reason);

    [LoggerMessage(EventId = 7009, Level = LogLevel.Information, Message = "Resuming {Count} unfinished digest deliveries")]
    public static partial void Resuming(ILogger logger, int count);

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Stopping: handed back {Count} unfinished digest deliveries; their unsent messages are resumed by the next process to start")]
    public static partial void HandedBack(ILogger logger, int count);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "Stopping: could not hand back this process's delivery leases; they expire after Delivery:LeaseSeconds")]
    public static partial void HandBackFailed(ILogger logger, Exception exception);
}
