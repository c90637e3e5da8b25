using Microsoft.Extensions.Logging;

namespace BotHost.Core.Collecting;

internal static partial class CollectingLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Collected {Source}: {Items} items in feed, {New} new, {NewStories} new stories, {Joined} joined existing stories, {Dropped} dropped by curation")]
    public static partial void Collected(ILogger logger, string source, int items, int @new, int newStories, int joined, int dropped);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Feed {Source} parsed with a problem: {Problem}")]
    public static partial void ParseProblem(ILogger logger, string source, string problem);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Collecting {Source} failed ({Failures} in a row): {Error} Next try in {Delay}.")]
    public static partial void Failed(ILogger logger, string source, int failures, string error, TimeSpan delay);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Collecting {Source} failed unexpectedly; other sources go on")]
    public static partial void Crashed(ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "A parse of {Feed} did not stop when asked (deadline or shutdown); its thread is left to finish and the feed is not parsed again until it does")]
    public static partial void ParseAbandoned(ILogger logger, string feed);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Information, Message = "The abandoned parse of {Feed} ended {Elapsed} after it was abandoned")]
    public static partial void AbandonedParseEnded(ILogger logger, string feed, TimeSpan elapsed);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "The failure of {Source} could not be recorded in the database: {Error}")]
    public static partial void FailureNotRecorded(ILogger logger, string source, string error);
}
