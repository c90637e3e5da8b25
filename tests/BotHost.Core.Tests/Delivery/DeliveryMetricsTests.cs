using System.Diagnostics.Metrics;
using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Delivery;

public sealed class DeliveryMetricsTests
{
    [Fact]
    public async Task Deliver_CountsEachMessageOnceAndTheDeliveryResult()
    {
        await using var world = await DigestWorld.StartAsync();
        using var recorder = new MeasurementRecorder(DeliveryMetrics.MeterName, world.Services.GetRequiredService<IMeterFactory>());
        await world.PublishAsync(7);
        var composed = await world.RunNowAsync(await world.SubscribeAsync(new ChannelKey(10, 20), new SubscriptionRequest()));
        world.Sink.TransientFailures = 1;

        await world.SendPendingAsync();
        world.Time.Advance(TimeSpan.FromMinutes(5));
        await world.SendPendingAsync();

        Assert.Equal(composed.Parts.Count, recorder.Sum("bothost.digest.parts.sent", ("how", "posted")));
        Assert.Equal(1, recorder.Sum("bothost.digest.deliveries", ("result", "deferred")));
        Assert.Equal(1, recorder.Sum("bothost.digest.deliveries", ("result", "sent")));
    }
}
