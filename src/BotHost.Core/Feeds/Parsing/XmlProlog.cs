namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// What precedes the root element, read as text before any XML parser sees the document: HTML pages and
/// entity declarations are recognised here so they get a precise error instead of an XML one.
/// </summary>
/// <param name="RootName">The first element's name as written (prefix included), or null if not reached.</param>
/// <param name="DoctypeName">The DOCTYPE's root name (e.g. "html", "rss"), or null.</param>
/// <param name="DeclaresEntities">The DOCTYPE has an internal subset with &lt;!ENTITY declarations.</param>
/// <param name="RootIndex">Where the root element starts in the scanned text, or -1 if not reached.</param>
internal readonly record struct XmlProlog(string? RootName, string? DoctypeName, bool DeclaresEntities, int RootIndex = -1)
{
    private static readonly string[] HtmlRoots = ["html", "head", "body"];

    /// <summary>
    /// The root element decides: a feed behind a stray &lt;!DOCTYPE html&gt; is still a feed. The DOCTYPE counts only
    /// when no root was reached in the scanned head.
    /// </summary>
    public bool IsHtml => RootName is not null
        ? HtmlRoots.Contains(RootName, StringComparer.OrdinalIgnoreCase)
        : string.Equals(DoctypeName, "html", StringComparison.OrdinalIgnoreCase);

    public bool HasDoctype => DoctypeName is not null;

    public static XmlProlog Scan(string head)
    {
        string? doctype = null;
        var entities = false;
        var i = 0;
        while (i < head.Length)
        {
            if (char.IsWhiteSpace(head[i]))
            {
                i++;
            }
            else if (At(head, i, "<?"))
            {
                i = After(head, i, "?>");
            }
            else if (At(head, i, "<!--"))
            {
                i = After(head, i, "-->");
            }
            else if (At(head, i, "<!DOCTYPE"))
            {
                var nameStart = i + "<!DOCTYPE".Length;
                while (nameStart < head.Length && char.IsWhiteSpace(head[nameStart]))
                {
                    nameStart++;
                }

                doctype = ReadName(head, nameStart);
                var close = head.IndexOf('>', nameStart);
                var subset = head.IndexOf('[', nameStart);
                if (subset >= 0 && (close < 0 || subset < close))
                {
                    var end = head.IndexOf("]", subset, StringComparison.Ordinal);
                    var body = end < 0 ? head.AsSpan(subset) : head.AsSpan(subset, end - subset);
                    entities = body.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase);
                    close = end < 0 ? -1 : head.IndexOf('>', end);
                }

                i = close < 0 ? head.Length : close + 1;
            }
            else if (head[i] == '<' && i + 1 < head.Length && (char.IsLetter(head[i + 1]) || head[i + 1] == '_'))
            {
                return new XmlProlog(ReadName(head, i + 1), doctype, entities, i);
            }
            else
            {
                break;
            }
        }

        return new XmlProlog(null, doctype, entities);
    }

    private static bool At(string text, int index, string token) =>
        string.Compare(text, index, token, 0, token.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static int After(string text, int index, string terminator)
    {
        var end = text.IndexOf(terminator, index, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    private static string ReadName(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is ':' or '_' or '-' or '.'))
        {
            end++;
        }

        return text[start..end];
    }
}
