namespace BotHost.Core.Subscriptions;

/// <summary>Stands in until a scheduler is registered: nothing is delivered, but subscriptions are stored and shown.</summary>
internal sealed class NoSubscriptionSchedule : ISubscriptionSchedule
{
    public Task SubscriptionChangedAsync(Subscription subscription, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SubscriptionRemovedAsync(long subscriptionId, CancellationToken cancellationToken) => Task.CompletedTask;
}
