using Microsoft.Extensions.Logging;

namespace BotHost.Testing.Logging;

/// <summary>
/// Keeps every log call of every category at every level (message, structured values and exception text),
/// so tests can check what an operator would be told, prove that secrets never reach logs, or await a line.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    /// <summary>How long <see cref="WaitForAsync(string)"/> waits before it fails the test.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<CapturedLogEntry> _entries = [];
    private readonly List<(string Fragment, TaskCompletionSource Done)> _waiters = [];

    /// <summary>A snapshot of every call so far, oldest first.</summary>
    public IReadOnlyList<CapturedLogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>A snapshot of <see cref="CapturedLogEntry.Text"/> of every call so far, oldest first.</summary>
    public IReadOnlyList<string> Lines => [.. Entries.Select(e => e.Text)];

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    /// <summary>Completes once a line containing <paramref name="fragment"/> is (or was already) logged.</summary>
    public Task WaitForAsync(string fragment) => WaitForAsync(fragment, DefaultWait);

    /// <inheritdoc cref="WaitForAsync(string)"/>
    public Task WaitForAsync(string fragment, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_entries.Any(e => e.Text.Contains(fragment, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((fragment, done));
        }

        return done.Task.WaitAsync(timeout);
    }

    public void Dispose()
    {
    }

    internal void Add(CapturedLogEntry entry)
    {
        var text = entry.Text;
        lock (_gate)
        {
            _entries.Add(entry);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (text.Contains(_waiters[i].Fragment, StringComparison.Ordinal))
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private sealed class CategoryLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            owner.Add(new CapturedLogEntry(logLevel, category, eventId.Id, formatter(state, exception), values, exception?.ToString() ?? string.Empty));
        }
    }
}
