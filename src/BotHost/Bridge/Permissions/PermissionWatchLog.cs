using Microsoft.Extensions.Logging;

namespace BotHost.Bridge.Permissions;

internal static partial class PermissionWatchLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Permission watch: {EventName} in guild {GuildId} re-checked {Channels} subscribed channels, paused {Paused} subscriptions")]
    public static partial void Handled(ILogger logger, string eventName, ulong guildId, int channels, int paused);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Guild {GuildId} is unavailable (an outage, GUILD_DELETE with unavailable: true); its subscriptions stay as they are")]
    public static partial void Outage(ILogger logger, ulong guildId);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} was not re-checked after {EventName}: {Why}; a delivery that fails for good still pauses it")]
    public static partial void NotChecked(ILogger logger, long subscriptionId, string eventName, string why);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "Permission watch failed on {EventName} in guild {GuildId}; the subscriptions it had not reached yet were not re-checked")]
    public static partial void Failed(ILogger logger, string eventName, ulong guildId, Exception exception);
}
