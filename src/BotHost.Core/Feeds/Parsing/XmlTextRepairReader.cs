using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Repairs the two text-level faults real feeds carry before XmlReader sees them:
/// C0 control characters XML 1.0 forbids become spaces (XmlReader rejects them even with CheckCharacters off), and
/// HTML named entities (&amp;eacute;, &amp;nbsp;) become numeric references. RSS 0.91 got those names from the
/// Netscape DTD, which is never loaded here; the rewrite is one name to one character, so nothing can expand.
/// </summary>
internal sealed class XmlTextRepairReader(TextReader inner) : TextReader
{
    private const int MaxEntityLength = 12; // "&thetasym;" is the longest HTML 4 name

    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private readonly char[] _input = new char[4096];
    private readonly StringBuilder _output = new(4096 + 64);
    private int _inputStart;
    private int _inputEnd;
    private int _outputStart;
    private bool _innerDone;

    public override int Peek() => Available() ? _output[_outputStart] : -1;

    public override int Read() => Available() ? _output[_outputStart++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Available())
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, _output.Length - _outputStart);
        _output.CopyTo(_outputStart, buffer, count);
        _outputStart += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool Available()
    {
        while (_outputStart == _output.Length)
        {
            _output.Clear();
            _outputStart = 0;
            if (!Refill())
            {
                return false;
            }

            Repair();
        }

        return true;
    }

    private bool Refill()
    {
        if (_inputEnd - _inputStart > MaxEntityLength || _innerDone)
        {
            return _inputEnd > _inputStart;
        }

        _input.AsSpan(_inputStart, _inputEnd - _inputStart).CopyTo(_input);
        _inputEnd -= _inputStart;
        _inputStart = 0;
        while (!_innerDone && _inputEnd < _input.Length)
        {
            var read = inner.Read(_input, _inputEnd, _input.Length - _inputEnd);
            _innerDone = read == 0;
            _inputEnd += read;
        }

        return _inputEnd > _inputStart;
    }

    private void Repair()
    {
        // Keep a possibly split "&name;" at the end of the buffer for the next round unless the input is finished.
        var limit = _innerDone ? _inputEnd : _inputEnd - MaxEntityLength;
        while (_inputStart < limit)
        {
            var span = _input.AsSpan(_inputStart, limit - _inputStart);
            var next = span.IndexOfAny(Special);
            if (next < 0)
            {
                _output.Append(span);
                _inputStart = limit;
                return;
            }

            _output.Append(span[..next]);
            _inputStart += next;
            if (_input[_inputStart] != '&')
            {
                _output.Append(' ');
                _inputStart++;
            }
            else
            {
                _inputStart += AppendEntity(_input.AsSpan(_inputStart, _inputEnd - _inputStart));
            }
        }
    }

    /// <summary>Appends the reference at the start of <paramref name="text"/> (rewritten if it is an HTML name) and returns its length.</summary>
    private int AppendEntity(ReadOnlySpan<char> text)
    {
        var end = text[..Math.Min(text.Length, MaxEntityLength)].IndexOf(';');
        var name = end > 1 ? text[1..end] : default;
        if (name.IsEmpty || !IsAsciiLettersOrDigits(name) || name is "amp" or "lt" or "gt" or "quot" or "apos")
        {
            _output.Append('&');
            return 1;
        }

        var reference = text[..(end + 1)].ToString();
        var decoded = WebUtility.HtmlDecode(reference);
        if (decoded == reference)
        {
            _output.Append(reference); // unknown name: XmlReader reports it as the document's error
            return reference.Length;
        }

        foreach (var rune in decoded.EnumerateRunes())
        {
            _output.Append("&#").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
        }

        return reference.Length;
    }

    private static bool IsAsciiLettersOrDigits(ReadOnlySpan<char> name)
    {
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
