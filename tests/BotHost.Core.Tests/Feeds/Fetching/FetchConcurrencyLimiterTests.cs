using BotHost.Core.Feeds;
using BotHost.Core.Feeds.Fetching;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Tests.Feeds.Fetching;

public sealed class FetchConcurrencyLimiterTests
{
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AcquireAsync_WhenSameHostIsBusy_WaitsUntilLeaseIsReleased()
    {
        var limiter = Create(maxConcurrent: 4);
        var first = await limiter.AcquireAsync("example.org", Token);

        var second = limiter.AcquireAsync("EXAMPLE.org", Token).AsTask();
        var waitedWhileHeld = !second.IsCompleted;
        first.Dispose();
        using var secondLease = await second.WaitAsync(SignalTimeout, Token);

        Assert.True(waitedWhileHeld);
    }

    [Fact]
    public async Task AcquireAsync_WhenHostsDiffer_GrantsBothAtOnce()
    {
        var limiter = Create(maxConcurrent: 4);

        using var a = await limiter.AcquireAsync("a.example", Token);
        var b = limiter.AcquireAsync("b.example", Token).AsTask();

        Assert.True(b.IsCompletedSuccessfully);
        (await b).Dispose();
    }

    [Fact]
    public async Task AcquireAsync_WhenGlobalCapReached_WaitsForAnySlot()
    {
        var limiter = Create(maxConcurrent: 2);
        var a = await limiter.AcquireAsync("a.example", Token);
        using var b = await limiter.AcquireAsync("b.example", Token);

        var c = limiter.AcquireAsync("c.example", Token).AsTask();
        var waitedAtCap = !c.IsCompleted;
        a.Dispose();
        using var cLease = await c.WaitAsync(SignalTimeout, Token);

        Assert.True(waitedAtCap);
    }

    [Fact]
    public async Task AcquireAsync_WhenManyFetchesCompete_NeverExceedsCapOrOnePerHost()
    {
        var limiter = Create(maxConcurrent: 2);
        var hosts = new[] { "a", "a", "b", "b", "c", "c", "a", "b" };
        var running = 0;
        var peak = 0;
        var perHost = new Dictionary<string, int>();
        var violations = 0;
        var gate = new Lock();
        var capReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task WorkAsync(string host)
        {
            using var lease = await limiter.AcquireAsync(host, Token);
            lock (gate)
            {
                running++;
                peak = Math.Max(peak, running);
                perHost[host] = perHost.GetValueOrDefault(host) + 1;
                violations += perHost[host] > 1 ? 1 : 0;
                if (running == 2)
                {
                    capReached.TrySetResult();
                }
            }

            await release.Task.WaitAsync(SignalTimeout, Token);
            lock (gate)
            {
                running--;
                perHost[host]--;
            }
        }

        var work = hosts.Select(h => Task.Run(() => WorkAsync(h), Token)).ToArray();
        await capReached.Task.WaitAsync(SignalTimeout, Token);
        int runningAtCap;
        lock (gate)
        {
            runningAtCap = running;
        }

        release.SetResult();
        await Task.WhenAll(work).WaitAsync(SignalTimeout, Token);

        Assert.Equal(2, runningAtCap);
        Assert.Equal(2, peak);
        Assert.Equal(0, violations);
        Assert.Equal(0, limiter.TrackedHostCount);
    }

    [Fact]
    public async Task AcquireAsync_WhenCancelledWhileWaiting_ThrowsAndLeaksNoSlot()
    {
        var limiter = Create(maxConcurrent: 1);
        var held = await limiter.AcquireAsync("a.example", Token);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync("a.example", cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        using var again = await limiter.AcquireAsync("b.example", Token).AsTask().WaitAsync(SignalTimeout, Token);

        Assert.Equal(1, limiter.TrackedHostCount);
    }

    [Fact]
    public async Task Dispose_WhenCalledTwice_ReleasesOnlyOnce()
    {
        var limiter = Create(maxConcurrent: 1);
        var lease = await limiter.AcquireAsync("a.example", Token);

        lease.Dispose();
        lease.Dispose();
        using var first = await limiter.AcquireAsync("b.example", Token);
        var second = limiter.AcquireAsync("c.example", Token).AsTask();

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(SignalTimeout, Token)).Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FetchConcurrencyLimiter Create(int maxConcurrent) =>
        new(Options.Create(new FeedOptions { MaxConcurrentFetches = maxConcurrent }));
}
