using System.Text;
using BotHost.Core.Feeds.Fetching;
using BotHost.Testing.Feeds;

namespace BotHost.Core.Tests.Feeds.Fetching;

/// <summary>The deadline, the size cap and cancellation.</summary>
public sealed class FeedFetcherLimitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_WhenBodyStallsPastDeadline_FailsWithTimeout()
    {
        await using var host = await FetcherHost.StartAsync(o => o.TimeoutSeconds = 30);
        var stalling = new LoopbackResponse { Body = new byte[4096], StallAfterBytes = 100 };

        var fetch = await host.StartStalledFetchAsync("/slow.xml", stalling, Token);
        host.Time.Advance(TimeSpan.FromSeconds(31));
        var result = await fetch.WaitAsync(FetcherHost.SignalTimeout, Token);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Null(result.Body);
        Assert.Contains("Timed out after 30 s", result.Error, StringComparison.Ordinal);
        Assert.Contains("Feeds:TimeoutSeconds", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenBodyStallsButClockStaysBeforeDeadline_CompletesOnceReleased()
    {
        await using var host = await FetcherHost.StartAsync(o => o.TimeoutSeconds = 30);
        var body = Encoding.UTF8.GetBytes(new string('x', 500));
        var stalling = new LoopbackResponse { Body = body, StallAfterBytes = 100 };

        var fetch = await host.StartStalledFetchAsync("/slow.xml", stalling, Token);
        host.Time.Advance(TimeSpan.FromSeconds(29));
        stalling.ReleaseStall.SetResult();
        var result = await fetch.WaitAsync(FetcherHost.SignalTimeout, Token);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(body, result.Body);
    }

    [Fact]
    public async Task FetchAsync_WhenServerDropsConnectionMidResponse_ReturnsFailedNotTimeout()
    {
        await using var host = await FetcherHost.StartAsync();
        var stalling = new LoopbackResponse { Body = new byte[4096], StallAfterBytes = 100 };

        var fetch = await host.StartStalledFetchAsync("/cut.xml", stalling, Token);
        stalling.ReleaseStall.SetCanceled(Token);
        var result = await fetch.WaitAsync(FetcherHost.SignalTimeout, Token);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Null(result.Body);
        Assert.Contains("/cut.xml", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Timed out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenCallerCancelsMidBody_ThrowsOperationCanceled()
    {
        await using var host = await FetcherHost.StartAsync();
        var stalling = new LoopbackResponse { Body = new byte[4096], StallAfterBytes = 100 };
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var fetch = await host.StartStalledFetchAsync("/slow.xml", stalling, caller.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetch.WaitAsync(FetcherHost.SignalTimeout, Token));
    }

    [Fact]
    public async Task FetchAsync_WhenContentLengthExceedsCap_FailsBeforeReadingBody()
    {
        await using var host = await FetcherHost.StartAsync(o => o.MaxBodyBytes = 1000);
        host.Server.Map("/big.xml", new LoopbackResponse { Body = new byte[5000] });

        var result = await host.FetchAsync("/big.xml");

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Null(result.Body);
        Assert.Contains("5000 bytes", result.Error, StringComparison.Ordinal);
        Assert.Contains("Feeds:MaxBodyBytes", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenChunkedBodyExceedsCap_CutsAtCap()
    {
        await using var host = await FetcherHost.StartAsync(o => o.MaxBodyBytes = 64 * 1024);
        host.Server.Map("/big.xml", new LoopbackResponse { Body = new byte[4 * 1024 * 1024], Chunked = true });

        var result = await host.FetchAsync("/big.xml");

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Null(result.Body);
        Assert.Contains("65536-byte cap", result.Error, StringComparison.Ordinal);
        Assert.Contains("Feeds:MaxBodyBytes", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenBodyIsExactlyAtCap_ReturnsIt()
    {
        await using var host = await FetcherHost.StartAsync(o => o.MaxBodyBytes = 1000);
        host.Server.Map("/exact.xml", new LoopbackResponse { Body = new byte[1000], Chunked = true });

        var result = await host.FetchAsync("/exact.xml");

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(1000, result.Body!.Length);
    }
}
