namespace BotHost.Core.Digests;

/// <summary>The digest chosen for a subscription, and every candidate with why it made it or did not (what /explain reads).</summary>
public sealed record DigestSelection(Digest Digest, IReadOnlyList<RankedStory> Candidates, DigestRequest Request);
