namespace BotHost.Core.Stories;

/// <summary>One story of a search's window of matches, with the text its ranking counts hits in.</summary>
/// <param name="Collected">A feed mentioned it; a story only a member's share knows is never shown.</param>
internal sealed record SearchCandidate(long StoryId, string Title, string Summary, long FirstSeenAtMs, bool Collected = true);
