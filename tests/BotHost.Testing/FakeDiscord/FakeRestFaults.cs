namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// Failures the fake REST API injects into the next requests. Faults "before" fire after the auth check and
/// before the route's handler, so nothing is stored. Faults "after commit" let the handler run and store its
/// result (a message exists, a callback is acknowledged), then lose, replace or stall the answer: the cases
/// where a client that retries without the same nonce posts twice.
/// </summary>
/// <remarks>Every method takes an optional <c>pathContains</c>: only requests whose path contains it take the fault.</remarks>
public sealed class FakeRestFaults
{
    private readonly Lock _lock = new();
    private readonly List<PendingFault> _pending = [];
    private readonly Queue<(TimeSpan RetryAfter, bool Global, string Scope)> _rateLimits = new();

    /// <summary>Added before every answer, measured on the server's TimeProvider.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/> (e.g. 500, 502, 403) without running.</summary>
    public void FailNext(int count, int status, string? pathContains = null)
        => Add(count, new PendingFault(FaultKind.FailBefore, status, TimeSpan.Zero, pathContains));

    /// <summary>The next request gets a 429 with this retry_after, whatever its bucket says.</summary>
    public void RateLimitNext(TimeSpan retryAfter, bool global = false, string scope = "user")
    {
        lock (_lock)
        {
            _rateLimits.Enqueue((retryAfter, global, scope));
        }
    }

    /// <summary>The next <paramref name="count"/> requests have their connection aborted before they run.</summary>
    public void DropNext(int count, string? pathContains = null)
        => Add(count, new PendingFault(FaultKind.DropBefore, 0, TimeSpan.Zero, pathContains));

    /// <summary>The next <paramref name="count"/> requests run and store their result, then the connection is aborted without an answer.</summary>
    public void DropAfterCommitNext(int count, string? pathContains = null)
        => Add(count, new PendingFault(FaultKind.DropAfterCommit, 0, TimeSpan.Zero, pathContains));

    /// <summary>The next <paramref name="count"/> requests run and store their result, then answer <paramref name="status"/> (e.g. 502) instead.</summary>
    public void FailAfterCommitNext(int count, int status, string? pathContains = null)
        => Add(count, new PendingFault(FaultKind.FailAfterCommit, status, TimeSpan.Zero, pathContains));

    /// <summary>
    /// The next <paramref name="count"/> requests run and store their result, then hold the answer for
    /// <paramref name="hold"/> on the server's TimeProvider (past the client's timeout) before sending it.
    /// A request the client gives up on is recorded (status 0) only when the server sees the connection close,
    /// which may be after the client's retry was answered: await that record before asserting on it.
    /// </summary>
    public void HoldAfterCommitNext(int count, TimeSpan hold, string? pathContains = null)
        => Add(count, new PendingFault(FaultKind.HoldAfterCommit, 0, hold, pathContains));

    internal bool TryTakeDrop(string path) => TryTake(FaultKind.DropBefore, path, out _);

    internal bool TryTakeStatus(string path, out int status)
    {
        var taken = TryTake(FaultKind.FailBefore, path, out var fault);
        status = fault.Status;
        return taken;
    }

    /// <summary>The after-commit fault for this request, if one is pending.</summary>
    internal bool TryTakeAfterCommit(string path, out PendingFault fault)
        => TryTake(FaultKind.DropAfterCommit | FaultKind.FailAfterCommit | FaultKind.HoldAfterCommit, path, out fault);

    internal bool TryTakeRateLimit(out (TimeSpan RetryAfter, bool Global, string Scope) rateLimit)
    {
        lock (_lock)
        {
            return _rateLimits.TryDequeue(out rateLimit);
        }
    }

    private void Add(int count, PendingFault fault)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _pending.Add(fault);
            }
        }
    }

    private bool TryTake(FaultKind kinds, string path, out PendingFault fault)
    {
        lock (_lock)
        {
            var index = _pending.FindIndex(f => (f.Kind & kinds) != 0
                && (f.PathContains is null || path.Contains(f.PathContains, StringComparison.Ordinal)));
            if (index < 0)
            {
                fault = default;
                return false;
            }

            fault = _pending[index];
            _pending.RemoveAt(index);
            return true;
        }
    }

    [Flags]
    internal enum FaultKind
    {
        FailBefore = 1,
        DropBefore = 2,
        DropAfterCommit = 4,
        FailAfterCommit = 8,
        HoldAfterCommit = 16,
    }

    internal readonly record struct PendingFault(FaultKind Kind, int Status, TimeSpan Hold, string? PathContains);
}
