using BotHost.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

public sealed class RateLimitDelayTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task UntilAsync_WhenDeadlineHasFractionalMilliseconds_DoesNotEndBeforeIt()
    {
        var deadline = _time.GetUtcNow() + TimeSpan.FromMicroseconds(1500);

        var wait = RateLimitDelay.UntilAsync(() => deadline - _time.GetUtcNow(), _time, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var early = wait.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.False(early);
        Assert.True(_time.GetUtcNow() >= deadline);
    }

    [Fact]
    public async Task UntilAsync_WhenDeadlineMovesLaterWhileWaiting_WaitsForTheNewDeadline()
    {
        var deadline = _time.GetUtcNow() + TimeSpan.FromSeconds(1);
        var wait = RateLimitDelay.UntilAsync(() => deadline - _time.GetUtcNow(), _time, TestContext.Current.CancellationToken);

        deadline += TimeSpan.FromSeconds(1);
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.Yield();
        var early = wait.IsCompleted;
        _time.Advance(TimeSpan.FromSeconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.False(early);
    }
}
