namespace BotHost.Core.Stories;

/// <summary>Which story an item joined, whether it started it, and what matched ("key" or "title").</summary>
public sealed record ClusterDecision(long StoryId, bool Created, string? MatchedBy);
