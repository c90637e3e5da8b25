using Microsoft.Extensions.Logging;

namespace BotHost.Core.Subscriptions;

internal static partial class SubscriptionsLog
{
    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Subscription {Id} ({Name}) in channel {Channel} {Change}")]
    public static partial void Changed(ILogger logger, long id, string name, ChannelKey channel, string change);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Error, Message = "Subscription {Id} was stored but the schedule was not told; its deliveries follow at the next start")]
    public static partial void ScheduleFailed(ILogger logger, long id, Exception exception);
}
