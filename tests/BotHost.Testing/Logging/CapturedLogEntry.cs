using Microsoft.Extensions.Logging;

namespace BotHost.Testing.Logging;

/// <summary>One log call as <see cref="CapturingLoggerProvider"/> kept it.</summary>
/// <param name="Message">The formatted message alone, as an operator would read it.</param>
/// <param name="State">The structured values as "key=value" pairs, so a secret passed only as a value is still seen.</param>
/// <param name="Exception">The exception's full text (type, message, stack), or empty.</param>
public sealed record CapturedLogEntry(LogLevel Level, string Category, int EventId, string Message, string State, string Exception)
{
    /// <summary>Everything in one line, level first: "Error Category[12] message [key=value] exception".</summary>
    public string Text => $"{Level} {Category}[{EventId}] {Message} [{State}] {Exception}";
}
