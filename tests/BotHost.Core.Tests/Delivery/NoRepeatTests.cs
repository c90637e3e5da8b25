using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Delivery;

public sealed class NoRepeatTests
{
    private static readonly ChannelKey Channel = new(7, 70);

    [Fact]
    public async Task Digests_AcrossDaysSubscriptionsAndRestarts_NeverPostAStoryTwiceToAChannel()
    {
        await using var world = await DigestWorld.StartAsync();
        var first = await world.SubscribeAsync(Channel, new SubscriptionRequest { Name = "backend", Topics = "backend", Size = 5 });
        var second = await world.SubscribeAsync(Channel, new SubscriptionRequest { Name = "everything", Size = 25 });
        var elsewhere = await world.SubscribeAsync(new ChannelKey(7, 71), new SubscriptionRequest { Size = 25 });
        var published = new List<string>();

        for (var day = 0; day < 4; day++)
        {
            published.AddRange(await world.PublishAsync(6));
            foreach (var subscription in new[] { first, second, elsewhere })
            {
                await world.RunNowAsync(subscription);
            }

            await world.SendPendingAsync();
            if (day == 1)
            {
                await world.RestartAsync();
            }

            world.Time.Advance(TimeSpan.FromDays(1));
        }

        var here = world.Sink.PartsIn(Channel).SelectMany(p => p.StoryIds).ToList();
        var there = world.Sink.PartsIn(new ChannelKey(7, 71)).SelectMany(p => p.StoryIds).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"channel 70: {here.Count} story posts, {here.Distinct().Count()} distinct; channel 71: {there.Count} posts; published {published.Count}");
        Assert.Equal(here.Count, here.Distinct().Count());
        Assert.Equal(published.Count, here.Count);
        Assert.Equal(published.Count, there.Count);
        Assert.Equal(8, world.Sink.PartsIn(Channel).Count(p => p.Index == 1));
    }

    [Fact]
    public async Task Compose_ForTwoSubscriptionsOfOneChannelAtOnce_SplitsTheStoriesBetweenThem()
    {
        await using var world = await DigestWorld.StartAsync();
        await world.PublishAsync(8);
        var a = await world.SubscribeAsync(Channel, new SubscriptionRequest { Name = "a", Size = 25 });
        var b = await world.SubscribeAsync(Channel, new SubscriptionRequest { Name = "b", Size = 25 });

        var results = await Task.WhenAll(Task.Run(() => world.RunNowAsync(a)), Task.Run(() => world.RunNowAsync(b)));

        var picked = results.Where(r => r.Composed).SelectMany(r => r.Selection!.Digest.Entries.Select(e => e.StoryId)).ToList();
        Assert.Equal(8, picked.Count);
        Assert.Equal(8, picked.Distinct().Count());
    }

    [Fact]
    public async Task DigestNow_ThenTheScheduledDigestOfThatPeriod_PostsOnlyOnce()
    {
        await using var world = await DigestWorld.StartAsync();
        await world.PublishAsync(3);
        var subscription = await world.SubscribeAsync(Channel, new SubscriptionRequest { Time = "09:00" });
        var now = await world.RunNowAsync(subscription);

        world.Time.Advance(TimeSpan.FromHours(4));
        await world.PublishAsync(2);
        var scheduled = await world.Services.GetRequiredService<DigestRunner>().RunDueAsync(subscription.Id, DigestWorld.Ct);

        Assert.True(now.Composed);
        Assert.False(scheduled!.Composed);
        Assert.Equal(now.DeliveryId, scheduled.Existing!.Id);
    }
}
