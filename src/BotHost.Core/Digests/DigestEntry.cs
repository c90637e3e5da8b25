namespace BotHost.Core.Digests;

/// <summary>One story of a digest as it is shown: rank, link, teaser, where it came from, its topics, a curator's pick and its score.</summary>
public sealed record DigestEntry(
    int Rank,
    long StoryId,
    string Title,
    string? Url,
    string Teaser,
    string Source,
    IReadOnlyList<string> AlsoOn,
    IReadOnlyList<string> Topics,
    DigestPick? Pick,
    ScoreParts Score);
