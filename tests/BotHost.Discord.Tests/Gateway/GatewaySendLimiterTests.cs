using BotHost.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Gateway;

public sealed class GatewaySendLimiterTests
{
    private const int OrdinaryBudget = GatewaySendLimiter.Limit - GatewaySendLimiter.HeartbeatReserve;

    [Fact]
    public async Task Acquire_WhenOrdinaryBudgetIsSpent_WaitsForTheWindowButLetsHeartbeatsThrough()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        var token = TestContext.Current.CancellationToken;
        for (var i = 0; i < OrdinaryBudget; i++)
        {
            await limiter.AcquireAsync(heartbeat: false, token);
        }

        var blocked = limiter.AcquireAsync(heartbeat: false, token);
        var heartbeat = limiter.AcquireAsync(heartbeat: true, token);

        Assert.False(blocked.IsCompleted);
        Assert.True(heartbeat.IsCompletedSuccessfully);
        time.Advance(GatewaySendLimiter.Window - TimeSpan.FromMilliseconds(1));
        Assert.False(blocked.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await blocked.WaitAsync(TimeSpan.FromSeconds(10), token);
    }

    [Fact]
    public async Task Acquire_NeverAllowsMoreThan120SendsInAnyWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        var token = TestContext.Current.CancellationToken;
        for (var i = 0; i < GatewaySendLimiter.Limit; i++)
        {
            await limiter.AcquireAsync(heartbeat: true, token);
        }

        var overLimit = limiter.AcquireAsync(heartbeat: true, token);

        Assert.False(overLimit.IsCompleted);
        time.Advance(GatewaySendLimiter.Window);
        await overLimit.WaitAsync(TimeSpan.FromSeconds(10), token);
    }

    [Fact]
    public void IdentifyBucket_WithMaxConcurrencyOne_AllowsOneIdentifyPerFiveSeconds()
    {
        var time = new FakeTimeProvider();
        var bucket = new SlidingWindowLimiter(TimeSpan.FromSeconds(5), time);

        var first = bucket.TryAcquire(1, out _);
        time.Advance(TimeSpan.FromSeconds(2));
        var second = bucket.TryAcquire(1, out var retryAfter);
        time.Advance(retryAfter);
        var third = bucket.TryAcquire(1, out _);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(TimeSpan.FromSeconds(3), retryAfter);
        Assert.True(third);
    }

    [Fact]
    public void IdentifyBucket_WithMaxConcurrencyTwo_AllowsTwoIdentifiesPerWindow()
    {
        var time = new FakeTimeProvider();
        var bucket = new SlidingWindowLimiter(TimeSpan.FromSeconds(5), time);

        var results = new[] { bucket.TryAcquire(2, out _), bucket.TryAcquire(2, out _), bucket.TryAcquire(2, out var retryAfter) };

        Assert.Equal([true, true, false], results);
        Assert.Equal(TimeSpan.FromSeconds(5), retryAfter);
    }
}
