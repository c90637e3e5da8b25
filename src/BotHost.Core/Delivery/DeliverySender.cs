using BotHost.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Delivery;

/// <summary>
/// Sends one delivery's pending parts in order, exactly once each: claim the delivery (lease), record the attempt,
/// post with the part's nonce, record the message id. A part whose outcome is unknown is resent with the same
/// nonce while Discord still dedupes it; beyond that window it is first looked for by its marker. 403/404 pause
/// the subscription; 5xx/429/timeouts defer the delivery; nothing here blocks another channel's delivery.
/// </summary>
public sealed class DeliverySender(
    OutboxStore outbox,
    ISink sink,
    IEnumerable<IChannelGoneListener> channelGone,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliverySender> logger,
    DeliveryMetrics metrics)
{
    /// <summary>Sends what is pending; null when the delivery was not claimable (done, not due, or another process holds it).</summary>
    public async Task<DeliveryStatus?> SendAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var owner = settings.InstanceId;
        var now = time.GetUtcNow();
        if (!await outbox.TryClaimAsync(deliveryId, owner, now, now + Lease(settings), cancellationToken)
            || await outbox.LoadAsync(deliveryId, cancellationToken) is not { } delivery)
        {
            return null;
        }

        foreach (var part in delivery.Parts.Where(p => !p.Sent))
        {
            if (!await outbox.RenewLeaseAsync(deliveryId, owner, time.GetUtcNow() + Lease(settings), cancellationToken))
            {
                DeliveryLog.LeaseLost(logger, deliveryId);
                return null;
            }

            var result = await SendPartAsync(delivery, part, settings, cancellationToken);
            switch (result.Outcome)
            {
                case SinkOutcome.Posted:
                    continue;
                case SinkOutcome.ChannelGone:
                    await outbox.FailAsync(deliveryId, result.Reason!, time.GetUtcNow(), cancellationToken);
                    metrics.DeliveryEnded(DeliveryStatus.Failed);
                    DeliveryLog.ChannelGone(logger, deliveryId, delivery.Channel, delivery.SubscriptionId, result.Reason!);
                    foreach (var listener in channelGone)
                    {
                        await listener.ChannelGoneAsync(delivery.SubscriptionId, delivery.Channel, result.Reason!, cancellationToken);
                    }

                    return DeliveryStatus.Failed;
                case SinkOutcome.Rejected:
                    await outbox.FailAsync(deliveryId, result.Reason!, time.GetUtcNow(), cancellationToken);
                    metrics.DeliveryEnded(DeliveryStatus.Failed);
                    DeliveryLog.Rejected(logger, deliveryId, delivery.Channel, result.Reason!);
                    return DeliveryStatus.Failed;
                default:
                    return await DeferAsync(delivery, result, settings, cancellationToken);
            }
        }

        await outbox.CompleteAsync(deliveryId, time.GetUtcNow(), cancellationToken);
        metrics.DeliveryEnded(DeliveryStatus.Sent);
        DeliveryLog.Delivered(logger, deliveryId, delivery.PeriodKey, delivery.Channel, delivery.Parts.Count);
        return DeliveryStatus.Sent;
    }

    private async Task<SinkResult> SendPartAsync(OutboxDelivery delivery, OutboxPart part, DeliveryOptions settings, CancellationToken cancellationToken)
    {
        var index = part.Part.Index;
        var restartWindow = false;
        if (part.FirstAttemptAt is { } first && time.GetUtcNow() - first >= TimeSpan.FromSeconds(settings.NonceWindowSeconds))
        {
            // The nonce may no longer dedupe: only a search can tell whether the earlier attempt posted it.
            var search = await sink.FindAsync(delivery.Channel, part.Part, first - TimeSpan.FromSeconds(settings.SearchMarginSeconds), cancellationToken);
            if (!search.Searched)
            {
                return SinkResult.Transient($"could not look for part {index} among the channel's messages: {search.Reason}");
            }

            if (search.MessageId is { } found)
            {
                await outbox.RecordPartSentAsync(delivery.Id, index, found, time.GetUtcNow(), cancellationToken);
                metrics.PartSent(foundBySearch: true);
                DeliveryLog.FoundBySearch(logger, index, delivery.Id, delivery.Channel, found);
                return SinkResult.Posted(found);
            }

            restartWindow = true;
        }

        // Recorded before sending: after a crash the attempt time says whether the nonce still covers a resend.
        await outbox.RecordAttemptAsync(delivery.Id, index, time.GetUtcNow(), restartWindow, cancellationToken);
        var result = await sink.PostAsync(delivery.Channel, part.Part, part.Nonce, cancellationToken);
        if (result is { Outcome: SinkOutcome.Posted, MessageId: { } messageId })
        {
            await outbox.RecordPartSentAsync(delivery.Id, index, messageId, time.GetUtcNow(), cancellationToken);
            metrics.PartSent(foundBySearch: false);
        }

        return result;
    }

    private async Task<DeliveryStatus> DeferAsync(OutboxDelivery delivery, SinkResult result, DeliveryOptions settings, CancellationToken cancellationToken)
    {
        var attempt = delivery.Attempts + 1;
        var reason = result.Reason ?? "unknown failure";
        if (attempt >= settings.MaxAttempts)
        {
            await outbox.FailAsync(delivery.Id, $"gave up after {attempt} attempts: {reason}", time.GetUtcNow(), cancellationToken);
            metrics.DeliveryEnded(DeliveryStatus.Failed);
            DeliveryLog.GaveUp(logger, delivery.Id, delivery.Channel, attempt, reason);
            return DeliveryStatus.Failed;
        }

        var backoff = TimeSpan.FromSeconds(Math.Min(settings.RetryBaseSeconds * Math.Pow(2, attempt - 1), settings.MaxRetryDelayMinutes * 60.0));
        var next = time.GetUtcNow() + (result.RetryAfter is { } after && after > backoff ? after : backoff);
        await outbox.DeferAsync(delivery.Id, next, reason, cancellationToken);
        metrics.DeliveryEnded(DeliveryStatus.Pending);
        DeliveryLog.Deferred(logger, delivery.Id, delivery.Channel, next, attempt, reason);
        return DeliveryStatus.Pending;
    }

    private static TimeSpan Lease(DeliveryOptions settings) => TimeSpan.FromSeconds(settings.LeaseSeconds);
}
