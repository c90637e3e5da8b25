using Microsoft.Extensions.Logging;

namespace BotHost.Core.Stories;

internal static partial class CurationLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Warning,
        Message = "Topics file {File} does not exist; items are not filtered by topic. Create it or set Curation:TopicsFile")]
    public static partial void TopicsFileMissing(ILogger logger, string file);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Topic vocabulary {File}: {Count} topics ({Topics})")]
    public static partial void TopicsLoaded(ILogger logger, string file, int count, string topics);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning,
        Message = "Source {Source} lists topic \"{Topic}\", which {File} does not define (known: {Known}); that source's items are not filtered by topic until it is fixed")]
    public static partial void UnknownSourceTopic(ILogger logger, string source, string topic, string file, string known);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning,
        Message = "Topic \"{Topic}\" is not defined in {File} (known: {Known}); items of sources listing it are not filtered by topic")]
    public static partial void UnknownTopic(ILogger logger, string topic, string file, string known);
}
