using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Stories;

/// <summary>
/// The SQL that keeps a guild from seeing what only other guilds' own feeds brought in. <c>$hidden</c> is a JSON array
/// of sources ids (<c>SourceVisibility.HiddenFromAsync</c>). A story stays when one of its mentions comes from a source
/// not hidden, or when no feed mentioned it (a member's share); its source names leave hidden sources out.
/// </summary>
internal static class VisibleMentions
{
    /// <summary>A condition over <c>stories s</c>; the empty list (no guild feeds anywhere) is checked first, so it costs nothing then.</summary>
    public const string StoryIsVisible =
        "($hidden = '[]' OR NOT EXISTS (SELECT 1 FROM story_mentions hm WHERE hm.story_id = s.id) " +
        "OR EXISTS (SELECT 1 FROM story_mentions vm WHERE vm.story_id = s.id AND vm.source_id NOT IN (SELECT value FROM json_each($hidden))))";

    /// <summary>A condition over <c>story_mentions m</c>.</summary>
    public const string MentionIsVisible = "m.source_id NOT IN (SELECT value FROM json_each($hidden))";

    // The ids are integers read from the database, not input, and json_each keeps the statement fixed.
    public static void Bind(SqliteCommand command, IReadOnlyCollection<long> hidden)
        => command.Parameters.AddWithValue("$hidden", JsonIds.Of(hidden));
}
