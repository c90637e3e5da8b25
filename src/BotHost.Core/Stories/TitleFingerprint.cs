namespace BotHost.Core.Stories;

/// <summary>
/// What the story store indexes for a title: the exact <see cref="NormalizedHash"/> and the MinHash LSH
/// <see cref="BandKeys"/>; two titles worth scoring share at least one of them.
/// </summary>
public sealed record TitleFingerprint(string Normalized, ulong NormalizedHash, IReadOnlyList<ulong> BandKeys);
