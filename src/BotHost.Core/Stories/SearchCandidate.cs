namespace BotHost.Core.Stories;

/// <summary>One story of a search's window of matches, with the text its ranking counts hits in.</summary>
internal sealed record SearchCandidate(long StoryId, string Title, string Summary, long FirstSeenAtMs);
