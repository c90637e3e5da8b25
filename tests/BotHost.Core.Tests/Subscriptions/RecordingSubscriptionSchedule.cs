using System.Collections.Concurrent;
using BotHost.Core.Subscriptions;

namespace BotHost.Core.Tests.Subscriptions;

/// <summary>Records what the subscription service tells the schedule, in order.</summary>
internal sealed class RecordingSubscriptionSchedule : ISubscriptionSchedule
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task SubscriptionChangedAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"changed {subscription.Id} {subscription.Name} paused={subscription.Paused}");
        return Task.CompletedTask;
    }

    public Task SubscriptionRemovedAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"removed {subscriptionId}");
        return Task.CompletedTask;
    }
}
