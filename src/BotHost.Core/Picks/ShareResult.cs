using BotHost.Core.Digests;

namespace BotHost.Core.Picks;

/// <summary>What a share did: the story and the pick that stands, or why nothing changed.</summary>
public sealed record ShareResult(ShareOutcome Outcome, DigestStory? Story, CuratorPick? Pick, string? Error, IReadOnlyList<ulong> RequiredRoleIds)
{
    public static ShareResult Refused(string error) => new(ShareOutcome.Refused, null, null, error, []);
}
