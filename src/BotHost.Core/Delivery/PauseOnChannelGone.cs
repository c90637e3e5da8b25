using BotHost.Core.Subscriptions;

namespace BotHost.Core.Delivery;

/// <summary>A channel that refused a delivery for good pauses the subscription that delivered, with Discord's reason (shown by /subscription show).</summary>
public sealed class PauseOnChannelGone(SubscriptionService subscriptions) : IChannelGoneListener
{
    public async Task ChannelGoneAsync(long subscriptionId, ChannelKey channel, string reason, CancellationToken cancellationToken)
        => await subscriptions.PauseAsync(subscriptionId, "delivery failed: " + reason, cancellationToken);
}
