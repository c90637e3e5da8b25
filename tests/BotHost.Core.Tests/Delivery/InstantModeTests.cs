using BotHost.Core.Collecting;
using BotHost.Core.Delivery;
using BotHost.Core.Scheduling;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Delivery;

public sealed class InstantModeTests
{
    [Fact]
    public async Task InstantSubscription_GetsCollectedStoriesInOneBatchAfterTheDelay_AndNothingWhenNothingIsNew()
    {
        var feed = Rss("Blog",
            new Entry("a", "Kafka consumer groups explained with diagrams", "https://blog.example.org/kafka"),
            new Entry("b", "Rate limiting an API with a token bucket", "https://blog.example.org/limits"));
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero));
        await using var host = await ScheduledHost.StartAsync(time, feed: feed);
        var subscription = await host.SubscribeAsync(new ChannelKey(4, 40), new SubscriptionRequest { Mode = "instant" });
        await host.Services.GetRequiredService<CollectionRound>().CollectAllAsync(force: true, TestContext.Current.CancellationToken);
        var schedule = host.Services.GetRequiredService<DigestSchedule>();

        await schedule.RequestInstantRunAsync(TestContext.Current.CancellationToken);
        await schedule.RequestInstantRunAsync(TestContext.Current.CancellationToken);
        var delivered = host.NextFinishedAsync();
        time.Advance(TimeSpan.FromSeconds(30));
        await delivered;
        var again = await host.Services.GetRequiredService<DigestRunner>().RunInstantAsync(TestContext.Current.CancellationToken);

        var deliveries = await host.DeliveriesAsync();
        Assert.Null(await host.TriggerOfAsync(subscription.Id));
        Assert.Equal("instant", Assert.Single(deliveries).Reason);
        Assert.Equal(2, host.Sink.PartsIn(subscription.Channel).Sum(p => p.Cards.Count));
        Assert.Equal(0, again);
        Assert.Single(await host.DeliveriesAsync());
    }
}
