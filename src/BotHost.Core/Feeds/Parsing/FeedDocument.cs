using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace BotHost.Core.Feeds.Parsing;

internal enum FeedSyntax
{
    Markup,
    Json,
}

/// <summary>
/// A document on a seekable stream (a fetched body in memory, or a file read as it is parsed) with its character
/// encoding settled (BOM, then HTTP charset per RFC 7303, then the XML declaration, then UTF-8) and its syntax
/// sniffed from the first bytes; refuses empty and binary input. Each reading pass starts again from its start.
/// </summary>
internal sealed partial class FeedDocument
{
    private const int HeadBytes = 4 * 1024;

    private static readonly Encoding Utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: false);

    private readonly Stream _content;
    private readonly long _bodyStart;

    static FeedDocument()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private FeedDocument(Stream content, long bodyStart, Encoding encoding, string head, FeedSyntax syntax)
    {
        _content = content;
        _bodyStart = bodyStart;
        Encoding = encoding;
        Head = head;
        Syntax = syntax;
    }

    public Encoding Encoding { get; }

    /// <summary>The decoded start of the document, leading whitespace removed: enough to sniff the prolog.</summary>
    public string Head { get; }

    public FeedSyntax Syntax { get; }

    /// <param name="content">Seekable, positioned at the document's first byte; left open.</param>
    public static FeedDocument Open(Stream content, string? contentType, List<string> errors)
    {
        var start = content.Position;
        var data = new byte[HeadBytes];
        var read = content.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            throw new FeedFormatException("The document is empty (0 bytes); the source returned no content.");
        }

        var bomEncoding = FromBom(data.AsSpan(0, read), out var bomLength);
        var body = new ArraySegment<byte>(data, bomLength, read - bomLength);
        var unicodeEncoding = bomEncoding ?? FromUnicodePattern(body);
        if (unicodeEncoding is null)
        {
            var binary = DescribeBinary(body);
            if (binary is not null)
            {
                throw new FeedFormatException($"The document is binary data ({binary}), not a feed.");
            }
        }

        // RFC 7303 section 3.2: a BOM is authoritative, then the HTTP charset, then the XML declaration.
        var encoding = bomEncoding ?? FromContentType(contentType, errors) ?? unicodeEncoding ?? FromDeclaration(body, errors) ?? Encoding.UTF8;
        var head = encoding.GetString(body.AsSpan(0, Math.Min(body.Count, HeadBytes))).TrimStart(' ', '\t', '\r', '\n', '\uFEFF');
        if (head.Length == 0)
        {
            throw new FeedFormatException("The document contains only whitespace; the source returned no feed.");
        }

        var syntax = head[0] switch
        {
            '<' => FeedSyntax.Markup,
            '{' => FeedSyntax.Json,
            _ => throw new FeedFormatException($"The document is neither XML nor JSON: it starts with \"{Snippet(head)}\"."),
        };

        return new FeedDocument(content, start + bomLength, encoding, head, syntax);
    }

    /// <summary>
    /// The document's text as the XML parser reads it: from the root element on when the prolog scan found it (so a
    /// lowercase &lt;!doctype&gt; or a declaration after blank lines cannot stop the parse; DTDs are never used
    /// anyway). <paramref name="linesSkipped"/> says how many lines that skipped.
    /// </summary>
    public TextReader OpenText(XmlProlog prolog, out int linesSkipped)
    {
        _content.Position = _bodyStart;
        var text = new StreamReader(_content, Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);

        // XmlReader rejects an XML declaration that is not the very first thing, and servers do send leading blank lines.
        while (text.Peek() is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
        {
            text.Read();
        }

        linesSkipped = 0;
        if (prolog.RootIndex > 0)
        {
            var skipped = new char[prolog.RootIndex];
            text.ReadBlock(skipped);
            linesSkipped = LineBreaks.Count(skipped);
        }

        return text;
    }

    /// <summary><see cref="OpenText"/> with the text-level faults real feeds carry repaired (<see cref="XmlTextRepairReader"/>).</summary>
    public XmlTextRepairReader OpenRepairedText(XmlProlog prolog, out int linesSkipped) =>
        new(OpenText(prolog, out linesSkipped));

    /// <summary>The number of bytes after the byte order mark.</summary>
    public long Length => _content.Length - _bodyStart;

    /// <summary>The document as UTF-8 bytes (JSON Feed is UTF-8 by definition; other encodings are transcoded).</summary>
    public ReadOnlyMemory<byte> Utf8Bytes()
    {
        ArraySegment<byte> body;
        if (_content is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            body = buffer[(int)_bodyStart..];
        }
        else
        {
            _content.Position = _bodyStart;
            var bytes = new byte[Length];
            _content.ReadExactly(bytes);
            body = bytes;
        }

        return Encoding.CodePage == Encoding.UTF8.CodePage ? body : Encoding.UTF8.GetBytes(Encoding.GetString(body));
    }

    public string DecodeAll()
    {
        _content.Position = _bodyStart;
        using var text = new StreamReader(_content, Encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return text.ReadToEnd();
    }

    // XML 1.0 Appendix F: the byte order mark, or the first character ('<', or '{' / whitespace that a JSON Feed
    // or a sloppy server may start with) in each encoding's byte pattern. UCS-4 BOMs go first: FF FE 00 00 also
    // starts like the UTF-16 LE mark.
    private static Encoding? FromBom(ReadOnlySpan<byte> data, out int length)
    {
        (Encoding? encoding, length) = data switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0x00, 0x00, 0xFE, 0xFF, ..] => ((Encoding?)Utf32BigEndian, 4),
            [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            [0x00, 0x00, 0xFF, 0xFE, ..] or [0xFE, 0xFF, 0x00, 0x00, ..] => throw UnusualUcs4(),
            _ => (null, 0),
        };
        return encoding;
    }

    private static Encoding? FromUnicodePattern(ReadOnlySpan<byte> data) => data switch
    {
        [0, 0, 0, var c, ..] when IsStart(c) => Utf32BigEndian,
        [var c, 0, 0, 0, ..] when IsStart(c) => Encoding.UTF32,
        [0, 0, var c, 0, ..] when IsStart(c) => throw UnusualUcs4(),
        [0, var c, 0, 0, ..] when IsStart(c) => throw UnusualUcs4(),
        [0, var c, 0, not 0, ..] when IsStart(c) => Encoding.BigEndianUnicode,
        [var c, 0, not 0, 0, ..] when IsStart(c) => Encoding.Unicode,
        _ => null,
    };

    private static bool IsStart(byte c) => c is (byte)'<' or (byte)'{' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static FeedFormatException UnusualUcs4() =>
        new("The document is UCS-4 in an unusual byte order (2143 or 3412), which no reader supports; serve it as UTF-8.");

    private static Encoding? FromContentType(string? contentType, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media)
            || string.IsNullOrWhiteSpace(media.CharSet))
        {
            return null;
        }

        var encoding = TryGetEncoding(media.CharSet.Trim('"', '\''));
        if (encoding is null)
        {
            errors.Add($"Content-Type charset '{media.CharSet}' is unknown; used the document's own declaration instead.");
        }

        return encoding;
    }

    private static Encoding? FromDeclaration(ArraySegment<byte> body, List<string> errors)
    {
        // The declaration is ASCII in every ASCII-compatible encoding, so Latin-1 reads it faithfully.
        var start = Encoding.Latin1.GetString(body.AsSpan(0, Math.Min(body.Count, 512)));
        var match = DeclaredEncoding().Match(start);
        if (!match.Success)
        {
            return null;
        }

        var encoding = TryGetEncoding(match.Groups[1].Value);
        if (encoding is null)
        {
            errors.Add($"Declared encoding '{match.Groups[1].Value}' is unknown; read the document as UTF-8.");
        }

        return encoding;
    }

    private static Encoding? TryGetEncoding(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? DescribeBinary(ReadOnlySpan<byte> data)
    {
        switch (data)
        {
            case [0x1F, 0x8B, ..]:
                return "gzip-compressed; it must be decompressed before parsing";
            case [0x89, (byte)'P', (byte)'N', (byte)'G', ..]:
                return "a PNG image";
            case [0xFF, 0xD8, 0xFF, ..]:
                return "a JPEG image";
            case [(byte)'P', (byte)'K', 3, 4, ..]:
                return "a ZIP archive";
            case [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..]:
                return "a PDF file";
        }

        var sample = data[..Math.Min(data.Length, 512)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return "it contains NUL bytes";
            }

            if (b < 0x09 || b is > 0x0D and < 0x20)
            {
                control++;
            }
        }

        return control * 20 > sample.Length ? "it is mostly control characters" : null;
    }

    private static string Snippet(string head)
    {
        var snippet = head.Length > 40 ? head[..40] + "…" : head;
        return new string(snippet.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
    }

    [GeneratedRegex("""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex DeclaredEncoding();
}
