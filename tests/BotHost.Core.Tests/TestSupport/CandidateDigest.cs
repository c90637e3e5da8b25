using BotHost.Core.Stories;

namespace BotHost.Core.Tests.TestSupport;

/// <summary>The stories digests would consider, best first (see <see cref="CoreTestHost.ComposeDigestAsync"/>).</summary>
public sealed record CandidateDigest(IReadOnlyList<StoryForDigest> Stories);
