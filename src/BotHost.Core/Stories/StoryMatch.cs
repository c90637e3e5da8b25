namespace BotHost.Core.Stories;

/// <summary>The answer of the same-story method: the verdict and the score it was based on (0..1).</summary>
public readonly record struct StoryMatch(bool Same, double Score);
