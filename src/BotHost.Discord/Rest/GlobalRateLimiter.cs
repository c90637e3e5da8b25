namespace BotHost.Discord.Rest;

/// <summary>
/// Keeps the bot under Discord's global limit (50 requests per second) before Discord has to say so: at
/// most N requests in any window. A request holds its slot from sending until its answer arrives and the
/// window is counted from the answer, because Discord counts on arrival, which our send time does not
/// bound (connection setup, load) but our answer time does. A global 429 pauses every caller.
/// </summary>
internal sealed class GlobalRateLimiter
{
    private readonly Queue<DateTimeOffset> _answered = new();
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly TimeSpan _window;
    private int _inFlight;
    private TaskCompletionSource _slotFreed = NewSignal();
    private DateTimeOffset _pausedUntil;

    public GlobalRateLimiter(int requestsPerSecond, TimeSpan windowMargin, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        _limit = requestsPerSecond;
        _window = TimeSpan.FromSeconds(1) + windowMargin;
        _time = time;
    }

    /// <summary>Returns once this request may be sent; dispose the lease when its answer (or failure) arrives.</summary>
    public async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (delay, freed) = TryTake();
            if (delay == TimeSpan.Zero && freed is null)
            {
                return new Lease(this);
            }

            if (freed is not null)
            {
                await freed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(RateLimitDelay.RoundUp(delay), _time, cancellationToken).ConfigureAwait(false);
            }
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

    private (TimeSpan Delay, Task? Freed) TryTake()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_pausedUntil > now)
            {
                return (_pausedUntil - now, null);
            }

            while (_answered.Count > 0 && _answered.Peek() + _window <= now)
            {
                _answered.Dequeue();
            }

            if (_inFlight + _answered.Count < _limit)
            {
                _inFlight++;
                return (TimeSpan.Zero, null);
            }

            // Every slot is in flight: the earliest a slot can free is when one of them is answered.
            return _answered.Count > 0 ? (_answered.Peek() + _window - now, null) : (TimeSpan.Zero, _slotFreed.Task);
        }
    }

    private void Release()
    {
        TaskCompletionSource freed;
        lock (_lock)
        {
            _inFlight--;
            _answered.Enqueue(_time.GetUtcNow());
            freed = _slotFreed;
            _slotFreed = NewSignal();
        }

        freed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>One request's hold on a global slot.</summary>
    internal readonly struct Lease(GlobalRateLimiter? owner) : IDisposable
    {
        public void Dispose() => owner?.Release();
    }
}
