namespace BotHost.Testing.FakeDiscord;

/// <summary>Failures the fake REST API injects into the next requests (after the auth check).</summary>
public sealed class FakeRestFaults
{
    private readonly Lock _lock = new();
    private readonly Queue<int> _statuses = new();
    private readonly Queue<(TimeSpan RetryAfter, bool Global, string Scope)> _rateLimits = new();
    private int _drops;

    /// <summary>Added before every answer, measured on the server's TimeProvider.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The next <paramref name="count"/> requests answer <paramref name="status"/> (e.g. 500, 502, 403).</summary>
    public void FailNext(int count, int status)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _statuses.Enqueue(status);
            }
        }
    }

    /// <summary>The next request gets a 429 with this retry_after, whatever its bucket says.</summary>
    public void RateLimitNext(TimeSpan retryAfter, bool global = false, string scope = "user")
    {
        lock (_lock)
        {
            _rateLimits.Enqueue((retryAfter, global, scope));
        }
    }

    /// <summary>The next <paramref name="count"/> requests have their connection aborted without an answer.</summary>
    public void DropNext(int count)
    {
        lock (_lock)
        {
            _drops += count;
        }
    }

    internal bool TryTakeDrop()
    {
        lock (_lock)
        {
            if (_drops == 0)
            {
                return false;
            }

            _drops--;
            return true;
        }
    }

    internal bool TryTakeStatus(out int status)
    {
        lock (_lock)
        {
            return _statuses.TryDequeue(out status);
        }
    }

    internal bool TryTakeRateLimit(out (TimeSpan RetryAfter, bool Global, string Scope) rateLimit)
    {
        lock (_lock)
        {
            return _rateLimits.TryDequeue(out rateLimit);
        }
    }
}
