using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds;

namespace BotHost.Core.Tests.TestSupport;

/// <summary>
/// A parse stand-in for <see cref="ScriptedParser"/> that blocks: it signals when it has started and ends when
/// the test releases it, or (the cooperative kind) when its token is cancelled. Every wait is bounded so a
/// broken test cannot leave a thread behind for long.
/// </summary>
public sealed class BlockingParse : IDisposable
{
    public static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    private readonly ManualResetEventSlim _release = new();

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What a released parse returns.</summary>
    public ParsedFeed Result { get; init; } = new(FeedFormat.Rss2, "Slow", null, [], []);

    /// <summary>Never looks at its token: like a parser stuck in a loop, it ends only when released.</summary>
    public ParsedFeed IgnoringToken(CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        try
        {
            return _release.Wait(SignalTimeout)
                ? Result
                : throw new TimeoutException("The test never released the blocked parse.");
        }
        finally
        {
            Ended.TrySetResult();
        }
    }

    /// <summary>Ends as soon as its token is cancelled, as BotHost's parser does between items.</summary>
    public ParsedFeed HonouringToken(CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        try
        {
            cancellationToken.WaitHandle.WaitOne(SignalTimeout);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException("The parse was never told to stop.");
        }
        finally
        {
            Ended.TrySetResult();
        }
    }

    public void Release() => _release.Set();

    /// <summary>Releases a parse the test left blocked; the event is not disposed, as the parse thread may still be waking.</summary>
    public void Dispose() => _release.Set();
}
