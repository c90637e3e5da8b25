namespace BotHost.Core.Digests;

/// <summary>A rendered-neutral digest: the ranked stories of one window.</summary>
public sealed record Digest(DateTimeOffset GeneratedAt, DateTimeOffset WindowStart, IReadOnlyList<DigestStory> Stories);
