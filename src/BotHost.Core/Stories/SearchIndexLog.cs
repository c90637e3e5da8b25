using Microsoft.Extensions.Logging;

namespace BotHost.Core.Stories;

internal static partial class SearchIndexLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Warning,
        Message = "The search index could not take in the {Waiting} newest stories before a search ({Reason}); the search ran over the stories already indexed, and the next search or feed tries again")]
    public static partial void CatchUpFailed(ILogger logger, long waiting, string reason);
}
