using BotHost.Discord.Rest;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

public sealed class RateLimitBucketTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task EnterAsync_WhenRemainingIsZero_WaitsUntilReset()
    {
        var bucket = new RateLimitBucket(new RouteBucketKey("b", "1"), _time, NullLogger.Instance);
        await bucket.EnterAsync(TestContext.Current.CancellationToken);
        bucket.Update(new RateLimitHeaders { Remaining = 0, ResetAfter = TimeSpan.FromSeconds(2) });
        bucket.Exit();

        var second = bucket.EnterAsync(TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        var earlyDone = second.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.False(earlyDone);
        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task EnterAsync_WhenRemainingAboveZero_DoesNotWait()
    {
        var bucket = new RateLimitBucket(new RouteBucketKey("b", "1"), _time, NullLogger.Instance);
        await bucket.EnterAsync(TestContext.Current.CancellationToken);
        bucket.Update(new RateLimitHeaders { Remaining = 1, ResetAfter = TimeSpan.FromSeconds(2) });
        bucket.Exit();

        var second = bucket.EnterAsync(TestContext.Current.CancellationToken);

        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task EnterAsync_WhileAnotherRequestIsInFlight_WaitsForExit()
    {
        var bucket = new RateLimitBucket(new RouteBucketKey("b", "1"), _time, NullLogger.Instance);
        await bucket.EnterAsync(TestContext.Current.CancellationToken);

        var second = bucket.EnterAsync(TestContext.Current.CancellationToken);
        var blocked = !second.IsCompleted;
        bucket.Exit();
        await second.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.True(blocked);
    }

    [Fact]
    public void PauseUntil_AfterA429_DelaysTheNextRequest()
    {
        var bucket = new RateLimitBucket(new RouteBucketKey("b", "1"), _time, NullLogger.Instance);

        bucket.PauseUntil(_time.GetUtcNow().AddMilliseconds(750));

        Assert.Equal(TimeSpan.FromMilliseconds(750), bucket.DelayBeforeNext());
    }
}
