using System.Buffers;
using System.Net;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>Plain text from the HTML (or double-escaped HTML) that feeds put in titles and summaries.</summary>
public static class HtmlText
{
    private const char Ellipsis = '…';

    /// <summary>Plain text, HTML stripped and whitespace collapsed, cut at a word boundary to at most <paramref name="maxLength"/> chars.</summary>
    public static string Summarize(string? html, int maxLength) => Summarize(html.AsSpan(), maxLength);

    /// <inheritdoc cref="Summarize(string?, int)"/>
    internal static string Summarize(ReadOnlySpan<char> html, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);

        // One character more than the cut shows whether there is more: a 200 KB body is read only that far.
        return Truncate(ToPlainText(html, maxLength + 1), maxLength);
    }

    /// <summary>Decodes entities (twice when the feed escaped them twice), strips tags and collapses whitespace.</summary>
    public static string ToPlainText(string? html) => ToPlainText(html.AsSpan(), int.MaxValue);

    /// <summary>The plain text, or at least its first <paramref name="limit"/> characters.</summary>
    private static string ToPlainText(ReadOnlySpan<char> html, int limit)
    {
        // Markup is read once: its text is final, even where it looks like markup again ("Vec&lt;u8&gt;" is
        // "Vec<u8>"). Text with no markup may be HTML escaped once more ("&amp;lt;b&amp;gt;"): decode it and look again.
        var text = html;
        string? decoded = null;
        for (var round = 0; round < 2; round++)
        {
            if (HasTag(text))
            {
                return HtmlTextExtractor.Extract(text, limit);
            }

            if (!text.Contains('&'))
            {
                break;
            }

            var next = WebUtility.HtmlDecode(decoded ?? text.ToString());
            if (text.SequenceEqual(next))
            {
                break;
            }

            decoded = next;
            text = next;
        }

        return CollapseWhitespace(text, limit);
    }

    /// <summary>Cuts at the last word boundary so the result, "…" included, is at most <paramref name="maxLength"/> chars.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var limit = maxLength - 1;
        var cut = text.LastIndexOf(' ', limit);

        // A single very long word (or URL) is cut hard rather than dropped.
        if (cut < limit / 2)
        {
            cut = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis.ToString());
    }

    internal static string CollapseWhitespace(string text) =>
        IsCollapsed(text) ? text : CollapseWhitespace(text.AsSpan(), int.MaxValue);

    /// <summary>Whitespace collapsed, or at least the first <paramref name="limit"/> characters of it.</summary>
    internal static string CollapseWhitespace(ReadOnlySpan<char> text, int limit)
    {
        var collapsed = new CollapsedText(stackalloc char[256]);
        try
        {
            var start = 0;
            while (start < text.Length && collapsed.Length < limit)
            {
                var chunk = text.Slice(start, Math.Min(256, text.Length - start));
                collapsed.Append(chunk);
                start += chunk.Length;
            }

            return collapsed.ToString();
        }
        finally
        {
            collapsed.Dispose();
        }
    }

    /// <summary>Every character <see cref="IsSpace"/> accepts, for vectorized searches.</summary>
    internal static readonly SearchValues<char> Spaces = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(IsSpace).ToArray());

    // C0 controls count as space: XML 1.0 forbids them and they must never reach a title (numeric references and JSON can still carry them).
    internal static bool IsSpace(char c) => c <= ' ' || char.IsWhiteSpace(c) || c == '\u200B';

    /// <summary>Most titles are already clean; checking is cheaper than copying.</summary>
    private static bool IsCollapsed(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && (IsSpace(text[0]) || IsSpace(text[^1])))
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (IsSpace(c))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }

    private static bool HasTag(ReadOnlySpan<char> text)
    {
        for (var index = text.IndexOf('<'); index >= 0 && index + 1 < text.Length; index = NextAfter(text, index))
        {
            var next = text[index + 1];
            if (char.IsAsciiLetter(next) || next is '/' or '!')
            {
                return true;
            }
        }

        return false;
    }

    private static int NextAfter(ReadOnlySpan<char> text, int index)
    {
        var next = text[(index + 1)..].IndexOf('<');
        return next < 0 ? -1 : index + 1 + next;
    }

    /// <summary>Elements whose boundaries separate words in HTML-to-text (lower-case names).</summary>
    internal static bool IsBlock(ReadOnlySpan<char> name) => name is "p" or "div" or "br" or "li" or "ul" or "ol" or "tr"
        or "td" or "th" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre" or "hr"
        or "section" or "article" or "header" or "footer" or "figure" or "figcaption" or "table" or "dd" or "dt";
}
