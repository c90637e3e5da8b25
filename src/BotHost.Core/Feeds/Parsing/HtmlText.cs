using System.Net;
using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>Plain text from the HTML (or double-escaped HTML) that feeds put in titles and summaries.</summary>
public static class HtmlText
{
    private const char Ellipsis = '…';

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

        // Markup is read once: its text is final, even where it looks like markup again ("Vec&lt;u8&gt;" is
        // "Vec<u8>"). Text with no markup may be HTML escaped once more ("&amp;lt;b&amp;gt;"): decode it and look again.
        for (var round = 0; round < 2; round++)
        {
            if (HasTag(text))
            {
                text = TextOf(text);
                break;
            }

            if (!text.Contains('&'))
            {
                break;
            }

            var decoded = WebUtility.HtmlDecode(text);
            if (decoded == text)
            {
                break;
            }

            text = decoded;
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

    // C0 controls count as space: XML 1.0 forbids them and they must never reach a title (numeric references and JSON can still carry them).
    private static bool IsSpace(char c) => c <= ' ' || char.IsWhiteSpace(c) || c == '\u200B';

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

    /// <summary>
    /// Text from AngleSharp's HTML tokenizer: the same tokenization as a browser, without building a DOM
    /// (a tree costs several times more and a summary needs none). Script, style and comments are skipped.
    /// </summary>
    private static string TextOf(string html)
    {
        using var source = new TextSource(html);
        var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver)
        {
            SkipScriptText = true,
            SkipRawText = true,
            SkipComments = true,
            SkipProcessingInstructions = true,
            ShouldEmitAttribute = static (ref _, _) => false,
        };

        var builder = new StringBuilder(html.Length);
        string? skipUntil = null;
        while (true)
        {
            var token = tokenizer.Get();
            switch (token.Type)
            {
                case HtmlTokenType.EndOfFile:
                    return builder.ToString();
                case HtmlTokenType.Character when skipUntil is null:
                    builder.Append(token.Data);
                    break;
                case HtmlTokenType.StartTag when skipUntil is null && !((HtmlTagToken)token).IsSelfClosing:
                    StartTag(tokenizer, token.Name, builder, ref skipUntil);
                    break;
                case HtmlTokenType.StartTag when skipUntil is null && IsBlock(token.Name):
                    builder.Append(' ');
                    break;
                case HtmlTokenType.EndTag when skipUntil is null ? IsBlock(token.Name) : token.Name == skipUntil:
                    skipUntil = null;
                    builder.Append(' ');
                    break;
            }
        }
    }

    private static void StartTag(HtmlTokenizer tokenizer, string name, StringBuilder builder, ref string? skipUntil)
    {
        // The tree builder normally switches these modes; without it the tokenizer must be told.
        switch (name)
        {
            case "script":
                tokenizer.State = HtmlParseMode.Script;
                break;
            case "style" or "iframe" or "noscript" or "noembed" or "noframes" or "xmp":
                tokenizer.State = HtmlParseMode.Rawtext;
                break;
            case "textarea" or "title":
                tokenizer.State = HtmlParseMode.RCData;
                break;
            case "template" or "svg" or "math":
                skipUntil = name;
                break;
            default:
                // Block boundaries become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab".
                if (IsBlock(name))
                {
                    builder.Append(' ');
                }

                break;
        }
    }

    internal static bool IsBlock(string name) => name is "p" or "div" or "br" or "li" or "ul" or "ol" or "tr"
        or "td" or "th" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "blockquote" or "pre" or "hr"
        or "section" or "article" or "header" or "footer" or "figure" or "figcaption" or "table" or "dd" or "dt";
}
