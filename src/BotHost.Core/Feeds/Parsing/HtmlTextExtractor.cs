using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// The text of an HTML fragment in one forward pass, whitespace collapsed as it goes, stopping as soon as it has
/// as much as the caller needs: a summary of a 200 KB article body reads its first paragraphs, not the article.
/// Tokenizes as a browser does where feeds need it (tags with quoted attributes, comments, script and style
/// skipped, title and textarea as text, template/svg/math dropped, block elements as word breaks, character
/// references decoded); builds no tree.
/// </summary>
internal ref struct HtmlTextExtractor
{
    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("<&");
    private static readonly SearchValues<char> TagSpecials = SearchValues.Create("\"'>");

    private readonly ReadOnlySpan<char> _html;
    private readonly int _limit;
    private CollapsedText _text;
    private int _position;

    private HtmlTextExtractor(ReadOnlySpan<char> html, int limit, Span<char> buffer)
    {
        _html = html;
        _limit = limit;
        _text = new CollapsedText(buffer);
    }

    /// <summary>The fragment's text, collapsed; at least <paramref name="limit"/> characters of it when it has that many.</summary>
    public static string Extract(ReadOnlySpan<char> html, int limit = int.MaxValue)
    {
        var extractor = new HtmlTextExtractor(html, limit, stackalloc char[512]);
        try
        {
            extractor.Run();
            return extractor._text.ToString();
        }
        finally
        {
            extractor._text.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    private void Run()
    {
        while (_position < _html.Length && _text.Length < _limit)
        {
            var rest = _html[_position..];
            var next = rest.IndexOfAny(TextSpecials);
            if (next < 0)
            {
                _text.Append(rest);
                return;
            }

            _text.Append(rest[..next]);
            _position += next;
            if (_html[_position] == '&')
            {
                AppendReference();
            }
            else
            {
                ReadMarkup();
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    private void ReadMarkup()
    {
        var next = _position + 1 < _html.Length ? _html[_position + 1] : '\0';
        if (char.IsAsciiLetter(next))
        {
            ReadStartTag();
        }
        else if (next == '/' && _position + 2 < _html.Length && char.IsAsciiLetter(_html[_position + 2]))
        {
            _position += 2;
            var kind = Classify(ReadName());
            SkipPast('>');
            BreakIfBlock(kind);
        }
        else if (_html[_position..].StartsWith("<!--"))
        {
            var end = _html[(_position + 4)..].IndexOf("-->");
            _position = end < 0 ? _html.Length : _position + 4 + end + 3;
        }
        else if (next is '!' or '?' or '/')
        {
            // Bogus comments (<!DOCTYPE …>, <?php … ?>, </ >) end at the first '>'.
            SkipPast('>');
        }
        else
        {
            _text.Append("<");
            _position++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    private void ReadStartTag()
    {
        _position++;
        var name = ReadName();
        var kind = Classify(name);
        var selfClosing = SkipTagRest();
        if (selfClosing || kind is TagKind.Other or TagKind.Block)
        {
            BreakIfBlock(kind);
            return;
        }

        // The tree builder would switch the tokenizer for these; without one the switch happens here.
        var end = EndTagAt(name);
        if (kind == TagKind.Text)
        {
            AppendDecoded(_html[_position..end]);
        }

        _position = end;
        if (_position < _html.Length)
        {
            SkipPast('>');
        }
    }

    private ReadOnlySpan<char> ReadName()
    {
        var start = _position;
        while (_position < _html.Length && !(char.IsWhiteSpace(_html[_position]) || _html[_position] is '>' or '/'))
        {
            _position++;
        }

        return _html[start.._position];
    }

    private static TagKind Classify(ReadOnlySpan<char> name)
    {
        if (name.Length > 10)
        {
            return TagKind.Other;
        }

        Span<char> lower = stackalloc char[name.Length];
        name.ToLowerInvariant(lower);
        return lower switch
        {
            _ when HtmlText.IsBlock(lower) => TagKind.Block,
            "script" or "style" or "iframe" or "noscript" or "noembed" or "noframes" or "xmp" or "template" or "svg" or "math" => TagKind.Skipped,
            "title" or "textarea" => TagKind.Text,
            _ => TagKind.Other,
        };
    }

    /// <summary>Skips attributes (quoted values may hold '&gt;') to just past the tag's '&gt;'; true when it ends with "/&gt;".</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    private bool SkipTagRest()
    {
        while (_position < _html.Length)
        {
            // Jump to the next quote or '>'; a quoted value is jumped over whole (URLs in attributes are long).
            var next = _html[_position..].IndexOfAny(TagSpecials);
            if (next < 0)
            {
                break;
            }

            _position += next;
            var c = _html[_position];
            if (c == '>')
            {
                var selfClosing = _html[_position - 1] == '/';
                _position++;
                return selfClosing;
            }

            var close = _html[(_position + 1)..].IndexOf(c);
            if (close < 0)
            {
                break;
            }

            _position += close + 2;
        }

        _position = _html.Length;
        return false;
    }

    private void SkipPast(char c)
    {
        var end = _html[_position..].IndexOf(c);
        _position = end < 0 ? _html.Length : _position + end + 1;
    }

    private int EndTagAt(ReadOnlySpan<char> name)
    {
        for (var at = _position; at < _html.Length; at++)
        {
            var close = _html[at..].IndexOf("</");
            if (close < 0)
            {
                return _html.Length;
            }

            at += close;
            var candidate = _html[(at + 2)..];
            if (candidate.Length >= name.Length && candidate[..name.Length].Equals(name, StringComparison.OrdinalIgnoreCase)
                && (candidate.Length == name.Length || !char.IsAsciiLetterOrDigit(candidate[name.Length])))
            {
                return at;
            }
        }

        return _html.Length;
    }

    private void BreakIfBlock(TagKind kind)
    {
        // Block boundaries separate words: "<p>a</p><p>b</p>" reads "a b", not "ab".
        if (kind == TagKind.Block)
        {
            _text.Append(" ");
        }
    }

    private void AppendDecoded(ReadOnlySpan<char> text)
    {
        var amp = text.IndexOf('&');
        _text.Append(amp < 0 ? text : WebUtility.HtmlDecode(text.ToString()));
    }

    /// <summary>Appends the character reference at the position (&amp;amp;, &amp;#233;, &amp;#xE9;) decoded, or a literal '&amp;'.</summary>
    private void AppendReference()
    {
        var rest = _html[_position..];
        var end = rest[..Math.Min(rest.Length, 33)].IndexOf(';');
        if (end > 1 && CommonReference(rest[1..end]) is { } common)
        {
            _text.Append(common);
            _position += end + 1;
            return;
        }

        if (end > 1)
        {
            var reference = rest[..(end + 1)];
            var decoded = WebUtility.HtmlDecode(reference.ToString());
            if (!reference.SequenceEqual(decoded))
            {
                _text.Append(decoded);
                _position += end + 1;
                return;
            }
        }

        _text.Append("&");
        _position++;
    }

    /// <summary>The references feed HTML is full of, decoded without building strings; null for the rest.</summary>
    private static string? CommonReference(ReadOnlySpan<char> name) => name switch
    {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" or "#39" => "'",
        "nbsp" or "#160" => "\u00A0",
        "#8217" => "\u2019",
        "#8220" => "\u201C",
        "#8221" => "\u201D",
        "#8230" => "\u2026",
        "hellip" => "\u2026",
        "mdash" or "#8212" => "\u2014",
        "ndash" or "#8211" => "\u2013",
        "raquo" => "\u00BB",
        _ => null,
    };

    /// <summary>How a tag changes reading: nothing, a word break, content dropped (script, svg…), content read as text (title, textarea).</summary>
    private enum TagKind
    {
        Other,
        Block,
        Skipped,
        Text,
    }
}
