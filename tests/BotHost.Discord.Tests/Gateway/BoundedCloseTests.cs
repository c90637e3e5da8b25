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
    public async Task RunAsync_WhenReceiveLoopEndsJustAsTheDeadlinePasses_FinishesWithoutThrowingOrAborting()
    {
        var time = new FakeTimeProvider();
        var loopEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = false;
        var held = new HeldContinuations();
        Task close;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(held);
        try
        {
            close = BoundedClose.RunAsync(null, loopEnded.Task, () => aborted = true, TimeSpan.FromSeconds(5), time, ex => throw ex);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        // The deadline passes, and before RunAsync gets to look, the peer's close frame ends the loop.
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(close.IsCompleted);
        loopEnded.SetResult();
        Assert.Equal(1, held.RunAll());
        await close.WaitAsync(SignalTimeout, Ct);

        Assert.False(aborted);
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

    /// <summary>Holds posted continuations until <see cref="RunAll"/>, so a test can act between a timer firing and the code it wakes.</summary>
    private sealed class HeldContinuations : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _posted = new();

        public override void Post(SendOrPostCallback d, object? state)
        {
            lock (_posted)
            {
                _posted.Enqueue((d, state));
            }
        }

        /// <summary>Runs what was posted, including anything posted meanwhile; returns how many ran.</summary>
        public int RunAll()
        {
            for (var ran = 0; ; ran++)
            {
                (SendOrPostCallback Callback, object? State) next;
                lock (_posted)
                {
                    if (!_posted.TryDequeue(out next))
                    {
                        return ran;
                    }
                }

                next.Callback(next.State);
            }
        }
    }
}
