using System.Globalization;
using System.Text;
using BotHost.Core.Digests;

namespace BotHost.Bridge;

/// <summary>A heading and numbered stories as chat Markdown, cut after the last whole entry that fits, then "…and N more".</summary>
public static class StoryListText
{
    public static string Render(string heading, IReadOnlyList<DigestStory> stories, int maxLength = DiscordMessageLimit.Content)
    {
        const int moreNote = 24;
        var sb = new StringBuilder(heading).Append('\n');
        var shown = 0;
        foreach (var story in stories)
        {
            var entry = Entry(shown + 1, story);
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

    private static string Entry(int number, DigestStory story)
    {
        var title = ChatMarkdown.Escape(story.Title);
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{number}. ");
        sb.Append(story.Url is null ? $"**{title}**" : $"**[{title}](<{story.Url}>)**");
        if (story.Sources.Count > 0)
        {
            sb.Append(" · ").Append(ChatMarkdown.Escape(string.Join(" · ", story.Sources)));
        }

        sb.Append(CultureInfo.InvariantCulture, $" · {story.FirstSeenAt:yyyy-MM-dd}\n");
        if (story.SummaryText.Length > 0)
        {
            var summary = story.SummaryText.Length <= 200 ? story.SummaryText : story.SummaryText[..197] + "...";
            sb.Append("   > ").Append(ChatMarkdown.Escape(summary.ReplaceLineEndings(" "))).Append('\n');
        }

        return sb.ToString();
    }
}
