using Microsoft.Extensions.Logging;

namespace BotHost.Core.Feeds.Fetching;

internal static partial class FeedFetchLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Fetched {Location}: HTTP {Status}, {Bytes} bytes in {ElapsedMs} ms")]
    public static partial void Fetched(ILogger logger, string location, int? status, int bytes, long elapsedMs);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "{Location} not modified since the last fetch")]
    public static partial void NotModified(ILogger logger, string location);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Fetch of {Location} failed: {Error}")]
    public static partial void Failed(ILogger logger, string location, string error);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Debug, Message = "Following HTTP {Status} redirect from {From} to {To}")]
    public static partial void Redirect(ILogger logger, int status, Uri from, Uri to);
}
