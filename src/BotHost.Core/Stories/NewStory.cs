namespace BotHost.Core.Stories;

/// <summary>The first mention of a story, as it creates the story row.</summary>
public sealed record NewStory(
    string Title,
    string SummaryText,
    string? CanonicalUrl,
    ulong NormalizedTitleHash,
    DateTimeOffset? PublishedAt,
    DateTimeOffset FirstSeenAt,
    bool IsBacklog);
