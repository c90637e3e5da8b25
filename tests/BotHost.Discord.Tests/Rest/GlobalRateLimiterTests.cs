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
            await limiter.AcquireAsync(TestContext.Current.CancellationToken);
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

            sent++;
        }

        Assert.Equal(3, sent);
    }
}
