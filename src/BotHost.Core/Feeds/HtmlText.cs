using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BotHost.Core.Feeds;

/// <summary>Plain text from the HTML (or double-escaped HTML) that feeds put in titles and summaries.</summary>
public static class HtmlText
{
    private const char Ellipsis = '…';

    [ThreadStatic]
    private static FragmentParser? t_parser;

    /// <summary>Plain text, HTML stripped and whitespace collapsed, cut at a word boundary to at most <paramref name="maxLength"/> chars.</summary>
    public static string Summarize(string? html, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (html is null)
        {
            return string.Empty;
        }

        // A full article body can be hundreds of kilobytes; the summary needs only its start. If markup eats
        // the whole prefix (inline SVG, a long style block), the full text is read after all.
        var prefixLength = Math.Max(4096, maxLength * 16);
        if (html.Length > prefixLength)
        {
            var fromPrefix = ToPlainText(html[..prefixLength]);
            if (fromPrefix.Length > maxLength)
            {
                return Truncate(fromPrefix, maxLength);
            }
        }

        return Truncate(ToPlainText(html), maxLength);
    }

    /// <summary>Decodes entities (twice when the feed escaped them twice), strips tags and collapses whitespace.</summary>
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        var text = html;

        // Two rounds cover "&amp;lt;b&amp;gt;" style double escaping; a third level is treated as literal text.
        for (var round = 0; round < 2; round++)
        {
            if (HasTag(text))
            {
                text = (t_parser ??= new FragmentParser()).TextOf(text);
            }
            else if (text.Contains('&'))
            {
                var decoded = WebUtility.HtmlDecode(text);
                if (decoded == text)
                {
                    break;
                }

                text = decoded;
                continue;
            }
            else
            {
                break;
            }
        }

        return CollapseWhitespace(text);
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

    internal static string CollapseWhitespace(string text)
    {
        if (IsCollapsed(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u200B';

    /// <summary>Most titles are already clean; checking is cheaper than copying.</summary>
    private static bool IsCollapsed(string text)
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

    private static bool HasTag(string text)
    {
        var index = text.IndexOf('<');
        while (index >= 0 && index + 1 < text.Length)
        {
            var next = text[index + 1];
            if (char.IsAsciiLetter(next) || next is '/' or '!')
            {
                return true;
            }

            index = text.IndexOf('<', index + 1);
        }

        return false;
    }

    /// <summary>One AngleSharp parser and context element per thread: creating them costs more than parsing a summary.</summary>
    private sealed class FragmentParser
    {
        private readonly HtmlParser _parser = new();
        private readonly IElement _context;

        public FragmentParser()
        {
            _context = _parser.ParseDocument(string.Empty).Body!;
        }

        public string TextOf(string html)
        {
            var builder = new StringBuilder(html.Length);
            foreach (var node in _parser.ParseFragment(html, _context))
            {
                Append(node, builder);
            }

            return builder.ToString();
        }

        private static void Append(INode node, StringBuilder builder)
        {
            switch (node)
            {
                case IText text:
                    builder.Append(text.Data);
                    return;
                case IElement element:
                    var name = element.LocalName;
                    if (name is "script" or "style" or "template" or "noscript" or "iframe")
                    {
                        return;
                    }

                    // Block boundaries become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab".
                    var block = IsBlock(name);
                    if (block)
                    {
                        builder.Append(' ');
                    }

                    foreach (var child in element.ChildNodes)
                    {
                        Append(child, builder);
                    }

                    if (block)
                    {
                        builder.Append(' ');
                    }

                    return;
            }
        }

        private static bool IsBlock(string name) => name is "p" or "div" or "br" or "li" or "ul" or "ol" or "tr"
            or "td" or "th" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre" or "hr"
            or "section" or "article" or "header" or "footer" or "figure" or "figcaption" or "table" or "dd" or "dt";
    }
}
