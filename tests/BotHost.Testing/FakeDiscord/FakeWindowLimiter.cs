namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// Fixed-window counters keyed by bucket: a window opens at the first request after the previous one
/// ended and allows <c>limit</c> requests until it ends. Thread-safe; time comes from the caller.
/// </summary>
public sealed class FakeWindowLimiter
{
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Counts one request if the window has room.</summary>
    public FakeLimitDecision TryAcquire(string key, int limit, TimeSpan window, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_windows.TryGetValue(key, out var state) || now >= state.Start + window)
            {
                state = (now, 0);
            }

            var resetAfter = state.Start + window - now;
            if (state.Count >= limit)
            {
                _windows[key] = state;
                return new FakeLimitDecision(false, limit, 0, resetAfter, now + resetAfter);
            }

            state.Count++;
            _windows[key] = state;
            return new FakeLimitDecision(true, limit, limit - state.Count, resetAfter, now + resetAfter);
        }
    }
}
