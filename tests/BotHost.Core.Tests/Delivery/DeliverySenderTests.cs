using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Tests.Delivery;

public sealed class DeliverySenderTests
{
    private static readonly ChannelKey Channel = new(10, 20);

    [Fact]
    public async Task Send_WhenTheAnswerIsLostInsideTheNonceWindow_ResendsWithTheSameNonceAndPostsOnce()
    {
        await using var world = await DigestWorld.StartAsync();
        var composed = await ComposeAsync(world, stories: 7);
        world.Sink.LostAnswers = 1;

        var first = await world.SendPendingAsync();
        world.Time.Advance(TimeSpan.FromSeconds(45));
        var second = await world.SendPendingAsync();

        Assert.Equal([DeliveryStatus.Pending], first);
        Assert.Equal([DeliveryStatus.Sent], second);
        Assert.Equal(2, composed.Parts.Count);
        Assert.Equal(composed.Parts.Select(p => p.Marker), world.Sink.PartsIn(Channel).Select(p => p.Marker));
        Assert.Equal(composed.Parts.SelectMany(p => p.Cards), world.Sink.PartsIn(Channel).SelectMany(p => p.Cards));
        Assert.Equal(0, world.Sink.Searches);
        Assert.Equal(3, world.Sink.PostAttempts);
    }

    [Fact]
    public async Task Send_WhenTheOutcomeIsUnknownBeyondTheNonceWindow_FindsThePartByItsMarkerInsteadOfPostingAgain()
    {
        await using var world = await DigestWorld.StartAsync();
        await ComposeAsync(world, stories: 3);
        world.Sink.LostAnswers = 1;
        world.Sink.NonceDedupes = false;

        await world.SendPendingAsync();
        world.Time.Advance(TimeSpan.FromMinutes(10));
        var resumed = await world.SendPendingAsync();

        Assert.Equal([DeliveryStatus.Sent], resumed);
        Assert.Single(world.Sink.PartsIn(Channel));
        Assert.Equal(1, world.Sink.Searches);
        Assert.Equal(1, world.Sink.PostAttempts);
    }

    [Fact]
    public async Task Send_WhenASearchFindsNothing_PostsThePartAgain()
    {
        await using var world = await DigestWorld.StartAsync();
        await ComposeAsync(world, stories: 3);
        world.Sink.TransientFailures = 1;

        await world.SendPendingAsync();
        world.Time.Advance(TimeSpan.FromMinutes(10));
        var resumed = await world.SendPendingAsync();

        Assert.Equal([DeliveryStatus.Sent], resumed);
        Assert.Single(world.Sink.PartsIn(Channel));
        Assert.Equal(1, world.Sink.Searches);
        Assert.Equal(2, world.Sink.PostAttempts);
    }

    [Fact]
    public async Task Send_AfterTransientFailures_WaitsLongerEachTimeAndGivesUpAtMaxAttemptsReleasingTheStories()
    {
        await using var world = await DigestWorld.StartAsync(new Dictionary<string, string?> { ["Delivery:MaxAttempts"] = "3", ["Delivery:RetryBaseSeconds"] = "30" });
        await ComposeAsync(world, stories: 2);
        world.Sink.TransientFailures = 10;

        var statuses = new List<DeliveryStatus?>();
        statuses.AddRange(await world.SendPendingAsync());
        statuses.AddRange(await world.SendPendingAsync());
        world.Time.Advance(TimeSpan.FromSeconds(30));
        statuses.AddRange(await world.SendPendingAsync());
        world.Time.Advance(TimeSpan.FromSeconds(59));
        statuses.AddRange(await world.SendPendingAsync());
        world.Time.Advance(TimeSpan.FromSeconds(1));
        statuses.AddRange(await world.SendPendingAsync());

        Assert.Equal([DeliveryStatus.Pending, DeliveryStatus.Pending, DeliveryStatus.Failed], statuses);
        Assert.Empty(world.Sink.Posted);
        Assert.Equal(0, await world.Host.CountAsync("digest_delivery_stories"));
    }

    [Fact]
    public async Task Claim_WhenAnotherProcessHoldsALiveLease_IsRefusedUntilTheLeaseExpires()
    {
        await using var world = await DigestWorld.StartAsync();
        var id = (await ComposeAsync(world, stories: 2)).DeliveryId!.Value;
        var outbox = world.Services.GetRequiredService<OutboxStore>();
        var now = world.Time.GetUtcNow();
        Assert.True(await outbox.TryClaimAsync(id, "process-a", now, now + TimeSpan.FromMinutes(5), DigestWorld.Ct));
        var other = Sender(world, "process-b");

        var whileHeld = await other.SendAsync(id, DigestWorld.Ct);
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var afterExpiry = await other.SendAsync(id, DigestWorld.Ct);
        var byFirstOwnerLater = await Sender(world, "process-a").SendAsync(id, DigestWorld.Ct);

        Assert.Null(whileHeld);
        Assert.Equal(DeliveryStatus.Sent, afterExpiry);
        Assert.Null(byFirstOwnerLater);
        Assert.Single(world.Sink.PartsIn(Channel));
    }

    [Fact]
    public async Task Claim_BySeveralProcessesAtOnce_IsWonByExactlyOne()
    {
        await using var world = await DigestWorld.StartAsync();
        var id = (await ComposeAsync(world, stories: 2)).DeliveryId!.Value;
        var outbox = world.Services.GetRequiredService<OutboxStore>();
        var now = world.Time.GetUtcNow();

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => outbox.TryClaimAsync(id, $"process-{i}", now, now + TimeSpan.FromMinutes(5), DigestWorld.Ct))));

        Assert.Single(claims, won => won);
    }

    private static async Task<ComposeResult> ComposeAsync(DigestWorld world, int stories)
    {
        await world.PublishAsync(stories);
        return await world.RunNowAsync(await world.SubscribeAsync(Channel, new SubscriptionRequest()));
    }

    private static DeliverySender Sender(DigestWorld world, string instance) => new(
        world.Services.GetRequiredService<OutboxStore>(),
        world.Sink,
        [],
        Options.Create(new DeliveryOptions { InstanceId = instance }),
        world.Time,
        NullLogger<DeliverySender>.Instance,
        world.Services.GetRequiredService<DeliveryMetrics>());
}
