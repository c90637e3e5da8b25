using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Delivery;

public sealed class ChannelGoneTests
{
    [Fact]
    public async Task Delivery_WhenAChannelAnswers403_PausesItsSubscriptionWithTheReasonAndOtherChannelsStillGetTheirDigest()
    {
        await using var world = await DigestWorld.StartAsync();
        await world.PublishAsync(4);
        var gone = await world.SubscribeAsync(new ChannelKey(1, 11), new SubscriptionRequest());
        var fine = await world.SubscribeAsync(new ChannelKey(1, 12), new SubscriptionRequest());
        var alsoFine = await world.SubscribeAsync(new ChannelKey(2, 21), new SubscriptionRequest());
        world.Sink.GoneChannels[gone.Channel] = "Discord refused with 403 (code 50013, Missing Permissions)";
        foreach (var subscription in new[] { gone, fine, alsoFine })
        {
            await world.RunNowAsync(subscription);
        }

        var statuses = await world.SendPendingAsync();
        var store = world.Services.GetRequiredService<SubscriptionStore>();
        var paused = await store.GetAsync(gone.Id, DigestWorld.Ct);

        Assert.Equal([DeliveryStatus.Failed, DeliveryStatus.Sent, DeliveryStatus.Sent], statuses);
        Assert.True(paused!.Paused);
        Assert.Contains("403 (code 50013, Missing Permissions)", paused.PausedReason, StringComparison.Ordinal);
        Assert.False((await store.GetAsync(fine.Id, DigestWorld.Ct))!.Paused);
        Assert.Empty(world.Sink.PartsIn(gone.Channel));
        Assert.Single(world.Sink.PartsIn(fine.Channel));
        Assert.Single(world.Sink.PartsIn(alsoFine.Channel));
        Assert.Equal(["0"], await world.Host.QueryStringsAsync($"SELECT COUNT(*) FROM digest_delivery_stories WHERE channel_id = 11"));
    }

    [Fact]
    public async Task Delivery_AfterResumingAFailedChannel_PostsTheStoriesItNeverGot()
    {
        await using var world = await DigestWorld.StartAsync();
        var titles = await world.PublishAsync(3);
        var channel = new ChannelKey(1, 11);
        var subscription = await world.SubscribeAsync(channel, new SubscriptionRequest());
        world.Sink.GoneChannels[channel] = "Discord answered 404";
        await world.RunNowAsync(subscription);
        await world.SendPendingAsync();

        world.Sink.GoneChannels.Clear();
        var resumed = await world.Services.GetRequiredService<SubscriptionService>().ResumeAsync(channel, null, DigestWorld.Ct);
        var again = await world.RunNowAsync(resumed.Subscription!);
        await world.SendPendingAsync();

        Assert.True(again.Composed);
        Assert.Equal(titles.Order(), again.Selection!.Digest.Entries.Select(e => e.Title).Order());
        Assert.Single(world.Sink.PartsIn(channel));
    }
}
