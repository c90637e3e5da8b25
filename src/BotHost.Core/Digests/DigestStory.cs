namespace BotHost.Core.Digests;

/// <summary>One story as a digest shows it: where it was first seen and where else it was mentioned.</summary>
public sealed record DigestStory(
    long StoryId,
    string Title,
    string? Url,
    string SummaryText,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? PublishedAt,
    int MentionCount,
    IReadOnlyList<string> Sources,
    double Score)
{
    /// <summary>Sources other than the first ("also on Hacker News · Lobsters").</summary>
    public IEnumerable<string> AlsoOn => Sources.Skip(1);
}
