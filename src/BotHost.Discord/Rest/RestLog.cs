using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Rest;

/// <summary>
/// Log lines of the REST client. Only methods, route templates and bucket names are logged: never the
/// token, never concrete paths (webhook paths carry tokens), never bodies.
/// </summary>
internal static partial class RestLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Trace, Message = "Sending {Method} {Route}")]
    public static partial void Sending(ILogger logger, string method, string route);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "{Method} {Route} answered {Status} in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, string method, string route, int status, long elapsedMs);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "Bucket {Bucket} is exhausted; waiting {Delay}")]
    public static partial void BucketWait(ILogger logger, string bucket, TimeSpan delay);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "{Method} {Route} uses rate-limit bucket {Hash}")]
    public static partial void BucketLearned(ILogger logger, string method, string route, string hash);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "429 on {Method} {Route}: retry after {RetryAfter} (global {Global}, scope {Scope})")]
    public static partial void RateLimited(ILogger logger, string method, string route, TimeSpan retryAfter, bool global, string? scope);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Warning, Message = "{Method} {Route} failed ({Reason}); retry {Attempt} of {MaxRetries} in {Delay}")]
    public static partial void Retrying(ILogger logger, string method, string route, string reason, int attempt, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Warning, Message = "{Count} invalid requests (401/403/429) in the rolling window; slowing every request by {Delay}")]
    public static partial void InvalidRequestThrottle(ILogger logger, int count, TimeSpan delay);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Error, Message = "Discord rejected the bot token (401) on {Method} {Route}; no further requests are sent. Set Discord:Token to a valid bot token and restart.")]
    public static partial void TokenRejected(ILogger logger, string method, string route);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Warning, Message = "{Method} {Route} failed ({Reason}); not retried, because without an enforced nonce a repeat could post twice")]
    public static partial void NotRetried(ILogger logger, string method, string route, string reason);
}
