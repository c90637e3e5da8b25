using System.Globalization;
using System.Text;

namespace BotHost.Core.Digests;

/// <summary>A heading and one Markdown entry per story, for short command answers (/latest, /search).</summary>
public static class StoryListMarkdown
{
    /// <summary>Cut after the last whole entry that fits in <paramref name="maxLength"/> characters (Discord allows 2000 in a message).</summary>
    public static string Render(string heading, IReadOnlyList<DigestStory> stories, int maxLength)
    {
        var sb = new StringBuilder(heading).Append('\n');
        var shown = 0;
        foreach (var story in stories)
        {
            var entry = Entry(story);
            const int moreNote = 40;
            if (sb.Length + entry.Length + moreNote > maxLength)
            {
                break;
            }

            sb.Append(entry);
            shown++;
        }

        if (shown < stories.Count)
        {
            sb.Append(CultureInfo.InvariantCulture, $"…and {stories.Count - shown} more");
        }

        return sb.ToString().TrimEnd();
    }

    private static string Entry(DigestStory story)
    {
        var sb = new StringBuilder();
        var title = ChatText.Escape(story.Title);
        sb.Append("- ").Append(story.Url is null ? $"**{title}**" : $"**[{title}](<{story.Url}>)**");
        if (story.AlsoOn.Any())
        {
            sb.Append(" · also on ").Append(ChatText.Escape(string.Join(" · ", story.AlsoOn)));
        }

        sb.Append('\n');
        if (story.SummaryText.Length > 0)
        {
            sb.Append("  > ").Append(ChatText.Escape(story.SummaryText)).Append('\n');
        }

        return sb.ToString();
    }
}
