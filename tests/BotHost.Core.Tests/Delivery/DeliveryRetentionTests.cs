using BotHost.Core.Delivery;
using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Delivery;

public sealed class DeliveryRetentionTests
{
    [Fact]
    public async Task Retention_KeepsDeliveredStoriesUntilTheDeliveryItselfExpires_ThenBothGo()
    {
        await using var world = await DigestWorld.StartAsync(new Dictionary<string, string?> { ["Storage:RetentionDays"] = "30" });
        await world.PublishAsync(2);
        var subscription = await world.SubscribeAsync(new ChannelKey(1, 2), new SubscriptionRequest());
        await world.RunNowAsync(subscription);
        await world.SendPendingAsync();
        var pending = await world.SubscribeAsync(new ChannelKey(1, 3), new SubscriptionRequest());
        await world.RunNowAsync(pending);
        world.Time.Advance(TimeSpan.FromDays(31));
        var pruner = world.Services.GetRequiredService<RetentionPruner>();
        var deliveries = world.Services.GetRequiredService<DeliveryRetention>();

        var storiesWhileHeld = await pruner.PruneAsync(DigestWorld.Ct);
        var prunedDeliveries = await deliveries.PruneAsync(DigestWorld.Ct);
        var remaining = await world.Host.QueryStringsAsync("SELECT status FROM digest_deliveries");

        Assert.Equal(0, storiesWhileHeld.Stories);
        Assert.Equal(1, prunedDeliveries);
        Assert.Equal(["pending"], remaining);
        Assert.Equal(2, await world.Host.CountAsync("stories"));
        Assert.Equal(0, await world.Host.CountAsync("digest_delivery_parts WHERE delivery_id NOT IN (SELECT id FROM digest_deliveries)"));
    }
}
