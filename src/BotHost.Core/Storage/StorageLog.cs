using Microsoft.Extensions.Logging;

namespace BotHost.Core.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Applied database migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, int version, string name);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Retention pruned {Items} items and {Stories} stories older than {Days} days")]
    public static partial void Pruned(ILogger logger, int items, int stories, int days);
}
