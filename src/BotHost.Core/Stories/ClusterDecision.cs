namespace BotHost.Core.Stories;

/// <summary>
/// Which story an item joined, whether it started it, and how it matched: <see cref="ByCreation"/>, <see cref="ByUrl"/>
/// (same article link), <see cref="ByDiscussionUrl"/> (its link is another item's discussion page or the reverse),
/// <see cref="BySummary"/> (a long identical summary) or <see cref="ByTitle"/> followed by the similarity score.
/// </summary>
public sealed record ClusterDecision(long StoryId, bool Created, string MatchedBy)
{
    public const string ByCreation = "created";
    public const string ByUrl = "url";
    public const string ByDiscussionUrl = "discussion-url";
    public const string BySummary = "summary";
    public const string ByTitle = "title";
}
