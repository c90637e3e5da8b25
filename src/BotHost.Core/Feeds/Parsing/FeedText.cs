namespace BotHost.Core.Feeds.Parsing;

/// <summary>Plain text for titles and summaries, by the kind of text each field holds (<see cref="TextKind"/>).</summary>
internal static class FeedText
{
    /// <summary>A title, category or feed name: one line, control characters gone, whitespace collapsed.</summary>
    public static string Title(string? raw, TextKind kind)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return string.Empty;
        }

        var text = kind switch
        {
            TextKind.Text => raw,

            // An HTML-typed construct is escaped exactly once; loose text is often escaped twice.
            TextKind.Html => TitleMarkup.ToText(raw, rounds: 1),
            _ => TitleMarkup.ToText(raw, rounds: 2),
        };
        return HtmlText.CollapseWhitespace(text);
    }

    /// <summary>A summary cut at a word boundary to at most <paramref name="maxLength"/> characters.</summary>
    public static string Summary(string? raw, TextKind kind, int maxLength) => Summary(raw.AsSpan(), kind, maxLength);

    /// <inheritdoc cref="Summary(string?, TextKind, int)"/>
    public static string Summary(ReadOnlySpan<char> raw, TextKind kind, int maxLength) => kind switch
    {
        _ when raw.IsEmpty => string.Empty,
        TextKind.Html => HtmlText.Summarize(raw, maxLength),
        TextKind.Text => HtmlText.Truncate(HtmlText.CollapseWhitespace(raw, maxLength + 1), maxLength),
        _ => HtmlText.Truncate(Title(raw.ToString(), kind), maxLength),
    };
}
