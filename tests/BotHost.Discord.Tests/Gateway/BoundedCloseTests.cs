using BotHost.Discord.Gateway;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Gateway;

public sealed class BoundedCloseTests
{
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_WhenCloseFrameAndReceiveLoopBothHang_AbortsAfterOneSharedDeadline()
    {
        var time = new FakeTimeProvider();
        var loopEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closeFailures = 0;
        var close = BoundedClose.RunAsync(
            token => new TaskCompletionSource().Task.WaitAsync(token),
            loopEnded.Task,
            () => loopEnded.TrySetResult(),
            TimeSpan.FromSeconds(5),
            time,
            _ => Interlocked.Increment(ref closeFailures));

        time.Advance(TimeSpan.FromSeconds(5));
        await close.WaitAsync(SignalTimeout, Ct);

        Assert.True(loopEnded.Task.IsCompleted);
        Assert.Equal(1, closeFailures);
    }

    [Fact]
    public async Task RunAsync_WhenPeerAnswersTheClose_DoesNotAbort()
    {
        var time = new FakeTimeProvider();
        var loopEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = false;

        await BoundedClose.RunAsync(
            _ =>
            {
                loopEnded.TrySetResult();
                return Task.CompletedTask;
            },
            loopEnded.Task,
            () => aborted = true,
            TimeSpan.FromSeconds(5),
            time,
            ex => throw ex).WaitAsync(SignalTimeout, Ct);

        Assert.False(aborted);
    }
}
