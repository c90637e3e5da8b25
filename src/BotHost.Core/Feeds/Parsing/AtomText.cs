namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Atom text constructs (RFC 4287 section 3.1): type="text" (the default) is literal text, however much of it looks
/// like markup; type="html" is escaped HTML; type="xhtml" is the content of an inline XHTML div. Atom 0.3 says the
/// same with MIME types and a mode attribute ("escaped" or the default "xml").
/// </summary>
internal static class AtomText
{
    /// <summary>Reads the construct the reader is on, leaving the reader after it; <paramref name="kind"/> says how to turn the result into plain text.</summary>
    public static string Read(FeedElementReader element, out TextKind kind)
    {
        var (html, xhtml) = TypeOf(element.Reader);
        if (xhtml)
        {
            kind = TextKind.Text;
            return element.ReadXhtmlText();
        }

        kind = html ? TextKind.Html : TextKind.Text;
        return element.ReadText();
    }

    /// <summary>Reads the construct the reader is on as a summary cut to <paramref name="maxLength"/>, leaving the reader after it.</summary>
    public static string Summarize(FeedElementReader element, int maxLength)
    {
        var reader = element.Reader;
        var (html, xhtml) = TypeOf(reader);
        return xhtml
            ? FeedText.Summary(element.ReadXhtmlText(), TextKind.Text, maxLength)
            : FeedText.Summary(element.ReadTextSpan(), html ? TextKind.Html : TextKind.Text, maxLength);
    }

    private static (bool Html, bool Xhtml) TypeOf(System.Xml.XmlReader reader)
    {
        var type = reader.GetAttribute("type").AsSpan().Trim();
        var html = Is(type, "html") || Is(type, "text/html");
        var xhtml = Is(type, "xhtml") || Is(type, "application/xhtml+xml") || (html && Is(reader.GetAttribute("mode").AsSpan().Trim(), "xml"));
        return (html, xhtml);
    }

    private static bool Is(ReadOnlySpan<char> value, string expected) => value.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
