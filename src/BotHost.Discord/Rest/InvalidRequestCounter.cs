namespace BotHost.Discord.Rest;

/// <summary>
/// Counts 401/403/429 answers over a rolling window (Discord bans an IP for 10 minutes at 10,000 of them in
/// 10 minutes; shared-scope 429s do not count). Past the threshold every request is slowed down.
/// </summary>
internal sealed class InvalidRequestCounter
{
    private readonly Queue<DateTimeOffset> _seen = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private readonly int _threshold;
    private readonly TimeSpan _throttleDelay;

    public InvalidRequestCounter(int threshold, TimeSpan window, TimeSpan throttleDelay, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        _threshold = threshold;
        _window = window;
        _throttleDelay = throttleDelay;
        _time = time;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                Prune(_time.GetUtcNow());
                return _seen.Count;
            }
        }
    }

    public void Record()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            Prune(now);
            _seen.Enqueue(now);
        }
    }

    /// <summary>Zero below the threshold, else the configured throttle delay.</summary>
    public TimeSpan ThrottleDelay() => Count >= _threshold ? _throttleDelay : TimeSpan.Zero;

    private void Prune(DateTimeOffset now)
    {
        while (_seen.Count > 0 && _seen.Peek() + _window <= now)
        {
            _seen.Dequeue();
        }
    }
}
