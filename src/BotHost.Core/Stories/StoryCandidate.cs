namespace BotHost.Core.Stories;

/// <summary>A stored, kept item looking for its story.</summary>
public sealed record StoryCandidate(
    long ItemId,
    long SourceId,
    string Title,
    string SummaryText,
    string? CanonicalUrl,
    string? CanonicalCommentsUrl,
    DateTimeOffset? PublishedAt,
    DateTimeOffset SeenAt,
    bool IsBacklog);
