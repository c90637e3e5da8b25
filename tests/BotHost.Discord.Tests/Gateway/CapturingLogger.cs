using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Tests.Gateway;

/// <summary>Keeps every log line (message, state values and exception text) so tests can inspect or await them.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<string> _lines = [];
    private readonly List<(string Fragment, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        var line = $"{logLevel} {eventId.Id} {formatter(state, exception)} [{values}] {exception}";
        lock (_lines)
        {
            _lines.Add(line);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (line.Contains(_waiters[i].Fragment, StringComparison.Ordinal))
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    public Task WaitForAsync(string fragment)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Any(l => l.Contains(fragment, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((fragment, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
