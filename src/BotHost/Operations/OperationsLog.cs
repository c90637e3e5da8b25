using Microsoft.Extensions.Logging;

namespace BotHost.Operations;

internal static partial class OperationsLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Operations endpoint listening on {Url}: /healthz, /readyz and {MetricsPath}")]
    public static partial void Listening(ILogger logger, string url, string metricsPath);
}
