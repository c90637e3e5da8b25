using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also knows which timers are pending and when they are due, so a
/// simulation can jump straight to the next due timer instead of advancing in guessed steps.
/// </summary>
internal sealed class SteppedTimeProvider : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", CultureInfo.InvariantCulture));
    private readonly Lock _lock = new();
    private readonly Dictionary<Tracked, DateTimeOffset> _pending = [];

    public int PendingTimers
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan)
        {
            throw new NotSupportedException("Only one-shot timers (Task.Delay, CancelAfter) are simulated.");
        }

        var tracked = new Tracked(this);
        lock (_lock)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _pending[tracked] = _fake.GetUtcNow() + dueTime;
            }
        }

        tracked.Inner = _fake.CreateTimer(
            s =>
            {
                tracked.Remove();
                callback(s);
            },
            state,
            dueTime,
            period);
        return tracked;
    }

    /// <summary>Moves the clock to the earliest pending timer and fires it; false when none is pending.</summary>
    public bool AdvanceToNextTimer()
    {
        DateTimeOffset next;
        lock (_lock)
        {
            if (_pending.Count == 0)
            {
                return false;
            }

            next = _pending.Values.Min();
        }

        var step = next - _fake.GetUtcNow();
        _fake.Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
        return true;
    }

    private sealed class Tracked(SteppedTimeProvider owner) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException("Timers are not rescheduled in the simulation.");

        public void Remove()
        {
            lock (owner._lock)
            {
                owner._pending.Remove(this);
            }
        }

        public void Dispose()
        {
            Remove();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
