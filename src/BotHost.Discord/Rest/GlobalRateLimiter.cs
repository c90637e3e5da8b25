namespace BotHost.Discord.Rest;

/// <summary>
/// Keeps the bot under Discord's global limit (50 requests per second) before Discord has to say so:
/// at most N sends in any sliding window. A global 429 pauses every caller until its retry_after.
/// </summary>
internal sealed class GlobalRateLimiter
{
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly TimeSpan _window;
    private DateTimeOffset _pausedUntil;

    public GlobalRateLimiter(int requestsPerSecond, TimeSpan windowMargin, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        _limit = requestsPerSecond;
        _window = TimeSpan.FromSeconds(1) + windowMargin;
        _time = time;
    }

    /// <summary>Returns once this request may be sent, having taken a slot in the window.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var delay = TryTake();
            if (delay <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void PauseUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    private TimeSpan TryTake()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_pausedUntil > now)
            {
                return _pausedUntil - now;
            }

            while (_sent.Count > 0 && _sent.Peek() + _window <= now)
            {
                _sent.Dequeue();
            }

            if (_sent.Count < _limit)
            {
                _sent.Enqueue(now);
                return TimeSpan.Zero;
            }

            return _sent.Peek() + _window - now;
        }
    }
}
