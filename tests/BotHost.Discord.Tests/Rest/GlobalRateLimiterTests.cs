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
        var grantedAt = third.ContinueWith(_ => _time.GetUtcNow(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _time.Advance(TimeSpan.FromSeconds(5));
        var waitingForAnswer = !third.IsCompleted;
        first.Dispose();
        second.Dispose();
        var answered = _time.GetUtcNow();

        // The waiter takes the freed slot's signal on the thread pool and only then arms its timer for the window's
        // end, so the clock moves in 1 ms steps: one jump could pass before that timer exists and never wake it.
        while (!third.IsCompleted && _time.GetUtcNow() - answered < TimeSpan.FromSeconds(2))
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        (await third.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Dispose();

        Assert.True(waitingForAnswer);
        Assert.True(await grantedAt - answered >= TimeSpan.FromSeconds(1), $"the third request went out {(await grantedAt - answered).TotalMilliseconds} ms after the answers");
    }
}
