using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Feeds.Fetching;
using System.Collections;
using BotHost.Core.Feeds;

namespace BotHost.Core.Tests.TestSupport;

/// <summary>
/// A parsed feed's item list that stalls while it is being stored: before handing out item
/// <see cref="StallBefore"/> it signals <see cref="Reached"/> and waits for <see cref="Resume"/>, so a test can
/// act (cancel, lock, kill) while the ingest transaction is open with the earlier items written into it.
/// </summary>
public sealed class StallingItems(IReadOnlyList<FeedItem> items, int stallBefore) : IReadOnlyList<FeedItem>
{
    private readonly ManualResetEventSlim _resume = new();

    public int StallBefore { get; } = stallBefore;

    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count => items.Count;

    public FeedItem this[int index] => items[index];

    public void Resume() => _resume.Set();

    public IEnumerator<FeedItem> GetEnumerator()
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i == StallBefore)
            {
                Reached.TrySetResult();
                if (!_resume.Wait(BlockingParse.SignalTimeout))
                {
                    throw new TimeoutException("The test never resumed the stalled ingest.");
                }
            }

            yield return items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
