namespace BotHost.Core.Sources;

/// <summary>A source as stored, with its fetch state. A failing source says why and since when; it is never disabled silently.</summary>
public sealed record SourceState(
    long Id,
    string Location,
    string Name,
    string? ETag,
    string? LastModified,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures,
    DateTimeOffset? FailingSince,
    string? LastError,
    DateTimeOffset? NextFetchAt,
    bool FirstFetchDone);
