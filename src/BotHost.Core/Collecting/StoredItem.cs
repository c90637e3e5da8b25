namespace BotHost.Core.Collecting;

/// <summary>An item row as written: one per item per source, kept even when curation dropped it (with the reason).</summary>
public sealed record StoredItem(
    long SourceId,
    string SourceItemId,
    string? RawUrl,
    string? CanonicalUrl,
    string? CommentsUrl,
    string Title,
    string SummaryText,
    DateTimeOffset? PublishedAt,
    DateTimeOffset FirstSeenAt,
    bool IsBacklog,
    string? DroppedReason,
    string? DroppedExplanation);
