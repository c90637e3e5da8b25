namespace BotHost.Core.Stories;

/// <summary>One story of a search's window of matches, with the text its ranking counts hits in.</summary>
/// <param name="Shown">
/// A feed the asking guild may see mentioned it; a story only a member's share knows, or only other guilds' own feeds
/// carried, is never shown.
/// </param>
internal sealed record SearchCandidate(long StoryId, string Title, string Summary, long FirstSeenAtMs, bool Shown = true);
