using BotHost.Core.Digests;

namespace BotHost.Core.Stories;

/// <summary>Stories found, best first, or why the search could not run (addressed to the member).</summary>
public sealed record StorySearchResult(IReadOnlyList<DigestStory> Stories, string? Error)
{
    public static StorySearchResult Refused(string error) => new([], error);
}
