using System.Globalization;
using System.Text;

namespace BotHost.Core.Digests;

/// <summary>
/// Third-party text made safe for chat Markdown: every formatting, link, heading and mention character is
/// escaped, and text is cut only between whole characters (never inside a surrogate pair, a combining
/// sequence or an escape), at a word boundary when one is near.
/// </summary>
public static class ChatText
{
    public const string Ellipsis = "…";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // A leading "-" or "+" would start a list item; elsewhere they are plain text.
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '(' or ')' or '<' or '>' or '#' or '@' || (i == 0 && c is '-' or '+'))
            {
                sb.Append('\\');
            }

            // Line breaks would let feed text start a quote, list or heading line of its own.
            sb.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return sb.ToString();
    }

    /// <summary>Escapes <paramref name="text"/> and cuts the result to at most <paramref name="maxLength"/> characters with "…".</summary>
    public static string EscapeAndCut(string text, int maxLength) => Cut(Escape(text), maxLength);

    /// <summary>
    /// At most <paramref name="maxLength"/> UTF-16 units: whole text elements only, preferring the last space in the
    /// final fifth, never leaving a dangling backslash, then "…".
    /// </summary>
    public static string Cut(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, Ellipsis.Length);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var budget = maxLength - Ellipsis.Length;
        var end = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var next = enumerator.ElementIndex + ((string)enumerator.Current).Length;
            if (next > budget)
            {
                break;
            }

            end = next;
        }

        var space = text.LastIndexOf(' ', Math.Max(0, end - 1), end);
        if (space > budget * 4 / 5)
        {
            end = space;
        }

        // An escape is "\x": cutting between the two would escape the ellipsis instead.
        var backslashes = 0;
        while (end - backslashes > 0 && text[end - backslashes - 1] == '\\')
        {
            backslashes++;
        }

        if (backslashes % 2 == 1)
        {
            end--;
        }

        return text[..end].TrimEnd() + Ellipsis;
    }
}
