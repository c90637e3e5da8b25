using BotHost.Core.Stories;

namespace BotHost.Core.Digests;

/// <summary>A candidate with its score parts and, when it made the digest, its rank; otherwise why it did not.</summary>
public sealed record RankedStory(StoryForDigest Story, FilterVerdict Verdict, ScoreParts? Score, int? Rank, string? LeftOutBecause)
{
    public bool Chosen => Rank is not null;
}
