using BotHost.Core.Subscriptions;

namespace BotHost.Core.Delivery;

/// <summary>Told when a channel refused a delivery for good (deleted, bot removed, permissions lost), so its subscription can pause with the reason.</summary>
public interface IChannelGoneListener
{
    Task ChannelGoneAsync(long subscriptionId, ChannelKey channel, string reason, CancellationToken cancellationToken);
}
