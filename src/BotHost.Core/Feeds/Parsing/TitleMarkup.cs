using System.Buffers;
using System.Net;
using System.Text;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Removes only what is plainly markup from a title-like text: a tag of a known HTML element that is paired with its
/// end tag, carries attributes or is void (&lt;br&gt;). Anything else that looks like a tag is the author's text, as in
/// programming headlines: <c>Vec&lt;u8&gt;</c>, <c>Optional&lt;T&gt;</c>, <c>vector&lt;vector&lt;T&gt;&gt;</c>, a lone
/// <c>&lt;dialog&gt;</c>, <c>a &lt; b &gt; c</c>.
/// </summary>
internal static class TitleMarkup
{
    private static readonly SearchValues<char> Specials = SearchValues.Create("<&");

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase) { "br", "wbr", "img", "hr" };

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "svg", "math" };

    // Elements seen leaking into feed titles, plus the block elements HTML-to-text turns into spaces.
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark",
        "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "label",
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "li", "ul", "ol", "dl", "dd", "dt",
        "section", "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption", "center",
        "table", "tr", "td", "th", "dialog", "details", "summary", "button", "iframe", "video", "audio", "picture",
        "br", "wbr", "img", "hr", "script", "style", "template", "svg", "math",
    };

    /// <summary>Plain text of a <see cref="TextKind.LooseText"/> or HTML-typed title: up to <paramref name="rounds"/> rounds of markup removal and entity decoding (two undo "&amp;amp;lt;b&amp;amp;gt;" double escaping).</summary>
    public static string ToText(string text, int rounds)
    {
        for (var round = 0; round < rounds && text.AsSpan().IndexOfAny(Specials) >= 0; round++)
        {
            var stripped = StripMarkup(text);
            var decoded = stripped.Contains('&') ? WebUtility.HtmlDecode(stripped) : stripped;
            if (decoded == text)
            {
                break;
            }

            text = decoded;
        }

        return text;
    }

    private static string StripMarkup(string text)
    {
        if (!text.Contains('<'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var open = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var lt = text.IndexOf('<', i);
            if (lt < 0)
            {
                builder.Append(text, i, text.Length - i);
                break;
            }

            builder.Append(text, i, lt - i);
            var tag = Tag.Read(text, lt);
            if (tag is null || !Known.Contains(tag.Value.Name) || !IsMarkup(text, tag.Value, open))
            {
                builder.Append('<');
                i = lt + 1;
                continue;
            }

            var found = tag.Value;
            i = found.End;
            if (!found.IsEnd && Dropped.Contains(found.Name) && !found.SelfClosing)
            {
                var close = FindEndTag(text, found.Name, i);
                i = close < 0 ? text.Length : Tag.Read(text, close)?.End ?? text.Length;
                continue;
            }

            if (HtmlText.IsBlock(found.Name.ToLowerInvariant()))
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static bool IsMarkup(string text, Tag tag, List<string> open)
    {
        if (tag.IsEnd)
        {
            var index = open.FindLastIndex(name => name.Equals(tag.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return false;
            }

            open.RemoveAt(index);
            return true;
        }

        if (tag.SelfClosing || Void.Contains(tag.Name))
        {
            return true;
        }

        var paired = FindEndTag(text, tag.Name, tag.End) >= 0;
        if (paired)
        {
            open.Add(tag.Name);
        }

        return paired || tag.HasAttributes;
    }

    private static int FindEndTag(string text, string name, int from)
    {
        for (var at = text.IndexOf("</", from, StringComparison.Ordinal); at >= 0; at = text.IndexOf("</", at + 2, StringComparison.Ordinal))
        {
            if (Tag.Read(text, at) is { IsEnd: true } end && end.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>A start or end tag at a '&lt;': its name, whether it has attributes, and where it ends.</summary>
    private readonly record struct Tag(string Name, bool IsEnd, bool HasAttributes, bool SelfClosing, int End)
    {
        public static Tag? Read(string text, int lt)
        {
            var i = lt + 1;
            var isEnd = i < text.Length && text[i] == '/';
            if (isEnd)
            {
                i++;
            }

            var nameStart = i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i == nameStart || !char.IsAsciiLetter(text[nameStart]) || i == text.Length || !(text[i] is '>' or '/' || char.IsWhiteSpace(text[i])))
            {
                return null;
            }

            var name = text[nameStart..i];
            var hasAttributes = false;
            char quote = default;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (quote != default)
                {
                    quote = c == quote ? default : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '>')
                {
                    var selfClosing = text[i - 1] == '/';
                    return new Tag(name, isEnd, hasAttributes, selfClosing, i + 1);
                }
                else if (!char.IsWhiteSpace(c) && c != '/')
                {
                    hasAttributes = true;
                }
            }

            return null;
        }
    }
}
