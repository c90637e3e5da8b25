namespace BotHost.Core.Stories;

/// <summary>A story with everything a digest selects, ranks and shows it by: its mentions in the order sources had it, and its topic tags.</summary>
public sealed record StoryForDigest(
    long Id,
    string Title,
    string? Url,
    string SummaryText,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? PublishedAt,
    bool IsBacklog,
    IReadOnlyList<StoryMention> Mentions,
    IReadOnlyList<StoryTopic> Topics)
{
    /// <summary>Source names, first publisher first, each once.</summary>
    public IReadOnlyList<string> Sources => [.. Mentions.Select(m => m.SourceName).Distinct(StringComparer.Ordinal)];

    /// <summary>The largest engagement any mention states.</summary>
    public Engagement Engagement => Mentions.Aggregate(Engagement.None, (sum, m) => sum.Max(m.Engagement));

    /// <summary>The earlier of publication and first sighting: what recency is measured from.</summary>
    public DateTimeOffset AgeReference => PublishedAt is { } published && published < FirstSeenAt ? published : FirstSeenAt;
}
