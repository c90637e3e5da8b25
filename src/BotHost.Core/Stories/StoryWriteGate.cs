namespace BotHost.Core.Stories;

/// <summary>
/// The turn to write stories in this process. SQLite has one writer at a time: ingest (a feed at a time) and the
/// search index's catch-up queue here instead of in SQLite's busy handler, which sleeps up to 100 ms between tries,
/// and which, for a round of many feeds, ran out its timeout and failed some of them with "database is locked".
/// </summary>
public sealed class StoryWriteGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public Task WaitAsync(CancellationToken cancellationToken) => _turn.WaitAsync(cancellationToken);

    public void Release() => _turn.Release();

    public void Dispose() => _turn.Dispose();
}
