namespace BotHost.Core.Stories;

/// <summary>A topic tag of a story and the keyword that matched it.</summary>
public sealed record StoryTopic(string Topic, string MatchedTerm);
