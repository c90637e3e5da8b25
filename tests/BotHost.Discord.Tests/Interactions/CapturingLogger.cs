using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>Keeps every formatted log line (with its exception text) so tests can check what reaches logs.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(int EventId, string Text)> _lines = new();

    public IReadOnlyList<(int EventId, string Text)> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => _lines.Enqueue((eventId.Id, formatter(state, exception) + " " + exception));
}
