using BotHost.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

public sealed class GlobalRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task AcquireAsync_WhenLimitReachedInWindow_WaitsForTheOldestSlot()
    {
        var limiter = new GlobalRateLimiter(50, TimeSpan.Zero, _time);
        for (var i = 0; i < 50; i++)
        {
            (await limiter.AcquireAsync(TestContext.Current.CancellationToken)).Dispose();
        }

        var fiftyFirst = limiter.AcquireAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        var early = fiftyFirst.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await fiftyFirst.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.False(early);
    }

    [Fact]
    public async Task AcquireAsync_WhenPausedByGlobal429_WaitsUntilPauseEnds()
    {
        var limiter = new GlobalRateLimiter(50, TimeSpan.Zero, _time);
        limiter.PauseUntil(_time.GetUtcNow().AddSeconds(3));

        var next = limiter.AcquireAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(2));
        var early = next.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.False(early);
    }

    [Fact]
    public async Task AcquireAsync_WithConfiguredLimit_AllowsThatManyPerSecond()
    {
        var limiter = new GlobalRateLimiter(3, TimeSpan.Zero, _time);
        var sent = 0;

        for (var i = 0; i < 10; i++)
        {
            var acquire = limiter.AcquireAsync(TestContext.Current.CancellationToken);
            if (!acquire.IsCompleted)
            {
                break;
            }

            (await acquire).Dispose();
            sent++;
        }

        Assert.Equal(3, sent);
    }

    [Fact]
    public async Task AcquireAsync_WhenAllSlotsAreInFlight_CountsTheWindowFromTheAnswer()
    {
        var limiter = new GlobalRateLimiter(2, TimeSpan.Zero, _time);
        var first = await limiter.AcquireAsync(TestContext.Current.CancellationToken);
        var second = await limiter.AcquireAsync(TestContext.Current.CancellationToken);

        var third = limiter.AcquireAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(5));
        var waitingForAnswer = !third.IsCompleted;
        first.Dispose();
        second.Dispose();
        _time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Yield();
        var waitingForWindow = !third.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        (await third.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Dispose();

        Assert.True(waitingForAnswer);
        Assert.True(waitingForWindow);
    }
}
