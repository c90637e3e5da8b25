using BotHost.Core.Delivery;
using BotHost.Core.Digests;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Tests.Delivery;

public sealed class DispatcherShutdownTests
{
    private static readonly ChannelKey Channel = new(10, 20);

    [Fact]
    public async Task Stop_WhileAPartIsInFlight_HandsTheLeaseBack_SoAnotherProcessFinishesAtOnceWithoutRepeats()
    {
        var stalling = new StallingSink(stallAtPart: 2);
        await using var world = await DigestWorld.StartAsync(configure: s => s.AddSingleton<ISink>(sp => stalling.Over(sp.GetRequiredService<RecordingSink>())));
        await world.PublishAsync(7);
        var composed = await world.RunNowAsync(await world.SubscribeAsync(Channel, new SubscriptionRequest()));
        var id = composed.DeliveryId!.Value;
        var outbox = world.Services.GetRequiredService<OutboxStore>();
        var dispatcher = world.Services.GetRequiredService<DeliveryDispatcher>();
        await dispatcher.StartAsync(DigestWorld.Ct);
        await stalling.Stalled.Task.WaitAsync(TimeSpan.FromSeconds(10), DigestWorld.Ct);
        var heldWhileSending = await outbox.DueAsync(world.Time.GetUtcNow(), "process-b", 10, DigestWorld.Ct);

        await dispatcher.StopAsync(DigestWorld.Ct);
        var dueForOthersAfterStop = await outbox.DueAsync(world.Time.GetUtcNow(), "process-b", 10, DigestWorld.Ct);
        var finished = await Sender(world, "process-b").SendAsync(id, DigestWorld.Ct);

        Assert.Equal(2, composed.Parts.Count);
        Assert.DoesNotContain(id, heldWhileSending);
        Assert.Contains(id, dueForOthersAfterStop);
        Assert.Equal(DeliveryStatus.Sent, finished);
        Assert.Equal(composed.Parts.Select(p => p.Marker), world.Sink.PartsIn(Channel).Select(p => p.Marker));
    }

    private static DeliverySender Sender(DigestWorld world, string instance) => new(
        world.Services.GetRequiredService<OutboxStore>(),
        world.Sink,
        [],
        Options.Create(new DeliveryOptions { InstanceId = instance }),
        world.Time,
        NullLogger<DeliverySender>.Instance,
        world.Services.GetRequiredService<DeliveryMetrics>());

    /// <summary>Posts through the recording sink, except that part <c>stallAtPart</c> hangs until the send is cancelled.</summary>
    private sealed class StallingSink(int stallAtPart) : ISink
    {
        private ISink _inner = null!;

        public TaskCompletionSource Stalled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ISink Over(ISink inner)
        {
            _inner = inner;
            return this;
        }

        public async Task<SinkResult> PostAsync(ChannelKey channel, DigestPart part, string nonce, CancellationToken cancellationToken)
        {
            if (part.Index != stallAtPart)
            {
                return await _inner.PostAsync(channel, part, nonce, cancellationToken);
            }

            Stalled.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable: the delay ends only by cancellation");
        }

        public Task<SinkSearch> FindAsync(ChannelKey channel, DigestPart part, DateTimeOffset since, CancellationToken cancellationToken) =>
            _inner.FindAsync(channel, part, since, cancellationToken);
    }
}
