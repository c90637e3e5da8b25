using BotHost.Core.Stories;

namespace BotHost.Core.Digests;

/// <summary>
/// Whether a story matches a subscription: the topic tags that matched (with their terms), or the filter that
/// dropped it (<see cref="DroppedBy"/>: backlog, topics, sources, muted, include-keywords, exclude-keywords,
/// include-pattern, exclude-pattern) and why in words.
/// </summary>
public sealed record FilterVerdict(bool Kept, string? DroppedBy, string Explanation, IReadOnlyList<StoryTopic> MatchedTopics)
{
    public static FilterVerdict Keep(IReadOnlyList<StoryTopic> matched, string explanation) => new(true, null, explanation, matched);

    public static FilterVerdict Drop(string filter, string explanation) => new(false, filter, explanation, []);
}
