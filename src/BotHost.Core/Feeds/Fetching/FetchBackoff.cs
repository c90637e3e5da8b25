namespace BotHost.Core.Feeds.Fetching;

/// <summary>How long a source waits before its next fetch after consecutive failures.</summary>
public static class FetchBackoff
{
    /// <summary>A Retry-After beyond this is treated as this; a misconfigured server must not park a source for weeks.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// The normal interval doubled per consecutive failure, capped at <paramref name="maxBackoff"/> (but never
    /// below the normal interval), and never shorter than the server's Retry-After (capped at <see cref="MaxRetryAfter"/>).
    /// </summary>
    public static TimeSpan NextDelay(int consecutiveFailures, TimeSpan normalInterval, TimeSpan maxBackoff, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(consecutiveFailures);
        ArgumentOutOfRangeException.ThrowIfLessThan(normalInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, TimeSpan.Zero);

        var delay = normalInterval;
        if (consecutiveFailures > 0)
        {
            // Doubles keep 2^n from overflowing; past 2^62 the cap has long been reached anyway.
            var ticks = normalInterval.Ticks * Math.Pow(2, Math.Min(consecutiveFailures, 62));
            var capped = Math.Min(ticks, maxBackoff.Ticks);
            delay = TimeSpan.FromTicks((long)Math.Max(capped, normalInterval.Ticks));
        }

        if (retryAfter is { } asked)
        {
            var honoured = asked < TimeSpan.Zero ? TimeSpan.Zero : asked > MaxRetryAfter ? MaxRetryAfter : asked;
            if (honoured > delay)
            {
                delay = honoured;
            }
        }

        return delay;
    }
}
