using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotHost.Core.Digests;

/// <summary>Renders a digest for the console (text), for chat (Markdown) or for tools (JSON).</summary>
public sealed class DigestRenderer
{
    public string Render(Digest digest, DigestFormat format) => format switch
    {
        DigestFormat.Markdown => Markdown(digest),
        DigestFormat.Json => JsonSerializer.Serialize(ToWire(digest), DigestJsonContext.Default.DigestWire),
        _ => Text(digest),
    };

    private static string Text(Digest digest)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Digest for {digest.GeneratedAt:yyyy-MM-dd HH:mm} UTC: {Count(digest)}").AppendLine();
        var n = 0;
        foreach (var story in digest.Stories)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{++n,2}. {story.Title}").AppendLine();
            if (story.Url is not null)
            {
                sb.Append("    ").AppendLine(story.Url);
            }

            if (story.SummaryText.Length > 0)
            {
                sb.Append("    ").AppendLine(story.SummaryText);
            }

            sb.Append("    from ").Append(story.Sources.FirstOrDefault() ?? "?");
            if (story.AlsoOn.Any())
            {
                sb.Append(" · also on ").Append(string.Join(" · ", story.AlsoOn));
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    private static string Markdown(Digest digest) =>
        MarkdownList(string.Create(CultureInfo.InvariantCulture, $"**Digest for {digest.GeneratedAt:yyyy-MM-dd}**: {Count(digest)}"), digest.Stories, int.MaxValue);

    /// <summary>
    /// A heading and one entry per story, as chat Markdown, cut after the last whole entry that fits in
    /// <paramref name="maxLength"/> characters (Discord allows 2000 in a message).
    /// </summary>
    public static string MarkdownList(string heading, IReadOnlyList<DigestStory> stories, int maxLength)
    {
        var sb = new StringBuilder(heading).Append('\n');
        var shown = 0;
        foreach (var story in stories)
        {
            var entry = MarkdownEntry(story);
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

    private static string MarkdownEntry(DigestStory story)
    {
        var sb = new StringBuilder();
        var title = EscapeMarkdown(story.Title);
        sb.Append("- ").Append(story.Url is null ? $"**{title}**" : $"**[{title}](<{story.Url}>)**");
        if (story.AlsoOn.Any())
        {
            sb.Append(" · also on ").Append(EscapeMarkdown(string.Join(" · ", story.AlsoOn)));
        }

        sb.Append('\n');
        if (story.SummaryText.Length > 0)
        {
            sb.Append("  > ").Append(EscapeMarkdown(story.SummaryText)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Count(Digest digest) => digest.Stories.Count == 1 ? "1 story" : $"{digest.Stories.Count} stories";

    // Feed text is third-party: it must not format, link or ping in chat.
    private static string EscapeMarkdown(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '(' or ')' or '<' or '>' or '#' or '@')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static DigestWire ToWire(Digest digest) => new(
        digest.GeneratedAt,
        digest.WindowStart,
        digest.Stories.Select(s => new DigestStoryWire(s.StoryId, s.Title, s.Url, s.SummaryText, s.FirstSeenAt, s.PublishedAt, s.Sources, Math.Round(s.Score, 4))).ToList());

    internal sealed record DigestWire(DateTimeOffset GeneratedAt, DateTimeOffset WindowStart, IReadOnlyList<DigestStoryWire> Stories);

    internal sealed record DigestStoryWire(long Id, string Title, string? Url, string SummaryText, DateTimeOffset FirstSeenAt, DateTimeOffset? PublishedAt, IReadOnlyList<string> Sources, double Score);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(DigestRenderer.DigestWire))]
internal sealed partial class DigestJsonContext : JsonSerializerContext;
