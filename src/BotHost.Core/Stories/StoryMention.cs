namespace BotHost.Core.Stories;

/// <summary>One source's item that joined a story: when the source had it, how it joined (<see cref="ClusterDecision.MatchedBy"/>) and what engagement it states.</summary>
public sealed record StoryMention(string SourceName, DateTimeOffset SeenAt, string MatchedBy, Engagement Engagement);
