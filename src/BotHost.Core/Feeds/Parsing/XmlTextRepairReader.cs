using System.Buffers;
using System.Globalization;
using System.Net;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Repairs, before XmlReader sees them, the text-level faults that make real feeds unreadable as XML, the way
/// lenient readers do, and counts each kind in <see cref="Repairs"/> so the parse can say what it changed:
/// C0 control characters become spaces (XmlReader rejects them even with CheckCharacters off); HTML named entities
/// (&amp;eacute;, &amp;nbsp;) become numeric references (one name to one character: nothing can expand); an
/// ampersand that starts no reference, an unknown entity name and a '&lt;' that starts no markup are escaped so
/// they read as the text they were meant to be. CDATA sections and comments are copied untouched but for controls.
/// </summary>
internal sealed class XmlTextRepairReader(TextReader inner) : TextReader
{
    /// <summary>Enough for the longest construct judged at once: "&amp;thetasym;" (10), "&lt;![CDATA[" (9), a numeric reference.</summary>
    private const int Lookahead = 32;

    private const string Controls = "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F";
    private const string CdataStart = "<![CDATA[";

    private static readonly SearchValues<char> MarkupSpecials = SearchValues.Create("&<" + Controls);
    private static readonly SearchValues<char> CdataSpecials = SearchValues.Create("]" + Controls);
    private static readonly SearchValues<char> CommentSpecials = SearchValues.Create("-" + Controls);

    private readonly char[] _input = new char[16 * 1024];
    private readonly char[] _pending = new char[Lookahead];
    private int _start;
    private int _end;
    private int _pendingStart;
    private int _pendingEnd;
    private bool _innerDone;
    private Section _section;

    private enum Section
    {
        Markup,
        Cdata,
        Comment,
    }

    public TextRepairs Repairs { get; } = new();

    public override int Peek()
    {
        if (_pendingStart == _pendingEnd)
        {
            Span<char> one = stackalloc char[1];
            if (Read(one) == 0)
            {
                return -1;
            }

            // Put it back in front of whatever that read left pending.
            _pending.AsSpan(_pendingStart, _pendingEnd - _pendingStart).CopyTo(_pending.AsSpan(1));
            _pendingEnd = _pendingEnd - _pendingStart + 1;
            _pendingStart = 0;
            _pending[0] = one[0];
        }

        return _pending[_pendingStart];
    }

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_pendingStart < _pendingEnd)
            {
                var count = Math.Min(buffer.Length - written, _pendingEnd - _pendingStart);
                _pending.AsSpan(_pendingStart, count).CopyTo(buffer[written..]);
                _pendingStart += count;
                written += count;
                continue;
            }

            if (!Fill())
            {
                break;
            }

            written += Repair(buffer[written..]);
        }

        return written;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Makes sure there is input to judge, keeping <see cref="Lookahead"/> characters beyond it unless the input has ended.</summary>
    private bool Fill()
    {
        if (_end - _start > Lookahead || _innerDone)
        {
            return _end > _start;
        }

        _input.AsSpan(_start, _end - _start).CopyTo(_input);
        _end -= _start;
        _start = 0;
        while (!_innerDone && _end < _input.Length)
        {
            var read = inner.Read(_input, _end, _input.Length - _end);
            _innerDone = read == 0;
            _end += read;
        }

        return _end > _start;
    }

    /// <summary>Copies repaired input into <paramref name="output"/>; returns how much was written (at least one character, or a pending replacement).</summary>
    private int Repair(Span<char> output)
    {
        var limit = _innerDone ? _end : _end - Lookahead;
        var written = 0;
        while (_start < limit && written < output.Length)
        {
            var room = Math.Min(limit - _start, output.Length - written);
            var span = _input.AsSpan(_start, room);
            var next = span.IndexOfAny(_section switch
            {
                Section.Markup => MarkupSpecials,
                Section.Cdata => CdataSpecials,
                _ => CommentSpecials,
            });
            if (next < 0)
            {
                span.CopyTo(output[written..]);
                _start += room;
                written += room;
                continue;
            }

            span[..next].CopyTo(output[written..]);
            _start += next;
            written += next;
            var rest = _input.AsSpan(_start, _end - _start);
            var (consumed, replacement) = Judge(rest);
            Emit(replacement is null ? rest[..consumed] : replacement, output, ref written);
            _start += consumed;
        }

        return written;
    }

    /// <summary>Writes what fits and keeps the rest for the next read.</summary>
    private void Emit(ReadOnlySpan<char> text, Span<char> output, ref int written)
    {
        var fits = Math.Min(text.Length, output.Length - written);
        text[..fits].CopyTo(output[written..]);
        written += fits;
        if (fits < text.Length)
        {
            var rest = text[fits..];
            rest.CopyTo(_pending);
            _pendingStart = 0;
            _pendingEnd = rest.Length;
        }
    }

    /// <summary>Decides what the special character at the start of <paramref name="text"/> becomes: how many input characters it takes, and its replacement (null: copy them as they are).</summary>
    private (int Consumed, string? Replacement) Judge(ReadOnlySpan<char> text)
    {
        var c = text[0];
        if (c < ' ')
        {
            Repairs.ControlCharacters++;
            return (1, " ");
        }

        switch (_section)
        {
            case Section.Cdata:
                if (text.StartsWith("]]>"))
                {
                    _section = Section.Markup;
                    return (3, null);
                }

                return (1, null);
            case Section.Comment:
                if (text.StartsWith("-->"))
                {
                    _section = Section.Markup;
                    return (3, null);
                }

                return (1, null);
        }

        return c == '&' ? JudgeReference(text) : JudgeMarkupStart(text);
    }

    private (int, string?) JudgeMarkupStart(ReadOnlySpan<char> text)
    {
        if (text.StartsWith(CdataStart))
        {
            _section = Section.Cdata;
            return (CdataStart.Length, null);
        }

        if (text.StartsWith("<!--"))
        {
            _section = Section.Comment;
            return (4, null);
        }

        // At the very end of the input nothing can follow, so the '<' cannot start markup either.
        var next = text.Length > 1 ? text[1] : ' ';
        if (char.IsLetter(next) || next is '_' or ':' or '/' or '!' or '?')
        {
            return (1, null);
        }

        Repairs.BareLessThan++;
        return (1, "&lt;");
    }

    private (int, string?) JudgeReference(ReadOnlySpan<char> text)
    {
        var end = text[..Math.Min(text.Length, Lookahead)].IndexOf(';');
        var name = end > 1 ? text[1..end] : default;
        if (name.IsEmpty)
        {
            Repairs.BareAmpersands++;
            return (1, "&amp;");
        }

        if (name[0] == '#')
        {
            if (IsCharacterReference(name[1..]))
            {
                return (end + 1, null);
            }

            Repairs.BareAmpersands++;
            return (1, "&amp;");
        }

        if (!IsAsciiName(name))
        {
            Repairs.BareAmpersands++;
            return (1, "&amp;");
        }

        if (name is "amp" or "lt" or "gt" or "quot" or "apos")
        {
            return (end + 1, null);
        }

        var reference = text[..(end + 1)].ToString();
        var decoded = WebUtility.HtmlDecode(reference);
        if (decoded == reference)
        {
            Repairs.AddUnknownEntity(reference);
            return (1, "&amp;");
        }

        Repairs.AddHtmlEntity(reference);
        var numeric = string.Empty;
        foreach (var rune in decoded.EnumerateRunes())
        {
            numeric += "&#" + rune.Value.ToString(CultureInfo.InvariantCulture) + ";";
        }

        return (end + 1, numeric);
    }

    /// <summary>"#233" or "#xE9" naming a character XML allows (a reference to NUL or a surrogate stops XmlReader cold).</summary>
    private static bool IsCharacterReference(ReadOnlySpan<char> digits)
    {
        var hex = digits.Length > 0 && digits[0] is 'x' or 'X';
        var number = hex ? digits[1..] : digits;
        if (number.IsEmpty || number.Length > 8
            || !int.TryParse(number, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        return value is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);
    }

    private static bool IsAsciiName(ReadOnlySpan<char> name)
    {
        if (!char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
