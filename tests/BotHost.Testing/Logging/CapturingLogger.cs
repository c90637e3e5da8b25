using Microsoft.Extensions.Logging;

namespace BotHost.Testing.Logging;

/// <summary>
/// An <see cref="ILogger{TCategoryName}"/> for constructing one type by hand in a test; it writes into its own
/// <see cref="CapturingLoggerProvider"/>, whose entries, lines and waits it exposes.
/// </summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly CapturingLoggerProvider _provider = new();
    private readonly ILogger _logger;

    public CapturingLogger() => _logger = _provider.CreateLogger(typeof(T).FullName ?? typeof(T).Name);

    /// <inheritdoc cref="CapturingLoggerProvider.Entries"/>
    public IReadOnlyList<CapturedLogEntry> Entries => _provider.Entries;

    /// <inheritdoc cref="CapturingLoggerProvider.Lines"/>
    public IReadOnlyList<string> Lines => _provider.Lines;

    /// <inheritdoc cref="CapturingLoggerProvider.WaitForAsync(string)"/>
    public Task WaitForAsync(string fragment) => _provider.WaitForAsync(fragment);

    /// <inheritdoc cref="CapturingLoggerProvider.WaitForAsync(string)"/>
    public Task WaitForAsync(string fragment, TimeSpan timeout) => _provider.WaitForAsync(fragment, timeout);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _logger.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _logger.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => _logger.Log(logLevel, eventId, state, exception, formatter);
}
