namespace BotHost.Core.Subscriptions;

/// <summary>
/// Told after every committed change to a subscription, so deliveries follow it. The digests feature implements
/// it with Quartz triggers; without that a no-op stands in (registered with TryAdd, so the real one wins).
/// </summary>
public interface ISubscriptionSchedule
{
    /// <summary>Created, updated, paused or resumed; <paramref name="subscription"/> is the stored state.</summary>
    Task SubscriptionChangedAsync(Subscription subscription, CancellationToken cancellationToken);

    Task SubscriptionRemovedAsync(long subscriptionId, CancellationToken cancellationToken);
}
