namespace BotHost.Discord.Gateway;

/// <summary>
/// Counts events in a sliding time window. Used for the per-connection send limit and the identify
/// bucket (max_concurrency per 5 s). Thread-safe.
/// </summary>
internal sealed class SlidingWindowLimiter(TimeSpan window, TimeProvider time)
{
    private readonly Queue<DateTimeOffset> _stamps = new();
    private readonly Lock _lock = new();

    public TimeSpan Window => window;

    /// <summary>Zero when fewer than <paramref name="limit"/> events fall in the window; else the wait until one leaves.</summary>
    public TimeSpan Delay(int limit)
    {
        lock (_lock)
        {
            return DelayLocked(limit, time.GetUtcNow());
        }
    }

    public bool TryAcquire(int limit, out TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            retryAfter = DelayLocked(limit, now);
            if (retryAfter > TimeSpan.Zero)
            {
                return false;
            }

            _stamps.Enqueue(now);
            return true;
        }
    }

    private TimeSpan DelayLocked(int limit, DateTimeOffset now)
    {
        while (_stamps.Count > 0 && _stamps.Peek() + window <= now)
        {
            _stamps.Dequeue();
        }

        if (_stamps.Count < limit)
        {
            return TimeSpan.Zero;
        }

        // The (count - limit + 1)th oldest stamp must leave before one more fits.
        var blocking = _stamps.ElementAt(_stamps.Count - limit);
        return blocking + window - now;
    }
}
