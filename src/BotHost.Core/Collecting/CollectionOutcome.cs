namespace BotHost.Core.Collecting;

public enum CollectionStatus
{
    Collected,
    NotModified,
    NotDue,
    Failed,
}

/// <summary>What collecting one source did, for the console, the CLI and logs.</summary>
public sealed record CollectionOutcome(
    string SourceName,
    CollectionStatus Status,
    IngestSummary Ingest,
    IReadOnlyList<string> ParseErrors,
    string? Error,
    TimeSpan Elapsed);
