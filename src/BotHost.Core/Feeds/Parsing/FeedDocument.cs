using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

internal enum FeedSyntax
{
    Markup,
    Json,
}

/// <summary>
/// The raw bytes of a document with its character encoding settled (BOM, then HTTP charset per RFC 7303,
/// then the XML declaration, then UTF-8) and its syntax sniffed; refuses empty and binary input.
/// </summary>
internal sealed partial class FeedDocument
{
    private const int HeadBytes = 4 * 1024;

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        // Entities are never expanded and nothing external is fetched: no billion laughs, no XXE.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ArraySegment<byte> _body;

    static FeedDocument()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private FeedDocument(ArraySegment<byte> body, Encoding encoding, string head, FeedSyntax syntax)
    {
        _body = body;
        Encoding = encoding;
        Head = head;
        Syntax = syntax;
    }

    public Encoding Encoding { get; }

    /// <summary>The decoded start of the document, leading whitespace removed: enough to sniff the prolog.</summary>
    public string Head { get; }

    public FeedSyntax Syntax { get; }

    public static FeedDocument Open(ArraySegment<byte> data, string? contentType, List<string> errors)
    {
        if (data.Count == 0)
        {
            throw new FeedFormatException("The document is empty (0 bytes); the source returned no content.");
        }

        var bomEncoding = FromBom(data, out var bomLength);
        var body = data[bomLength..];
        var unicodeEncoding = bomEncoding ?? FromUtf16Pattern(body);
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

        return new FeedDocument(body, encoding, head, syntax);
    }

    /// <summary>A streaming XML reader over the document, positioned before the prolog (leading whitespace skipped).</summary>
    public XmlReader CreateXmlReader()
    {
        var text = new StreamReader(new MemoryStream(_body.Array!, _body.Offset, _body.Count, writable: false),
            Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 4096);

        // XmlReader rejects an XML declaration that is not the very first thing, and servers do send leading blank lines.
        while (text.Peek() is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
        {
            text.Read();
        }

        return XmlReader.Create(new XmlTextRepairReader(text), XmlSettings);
    }

    /// <summary>The document as UTF-8 bytes (JSON Feed is UTF-8 by definition; other encodings are transcoded).</summary>
    public ReadOnlyMemory<byte> Utf8Bytes() =>
        Encoding.CodePage == Encoding.UTF8.CodePage ? _body : Encoding.UTF8.GetBytes(Encoding.GetString(_body));

    public string DecodeAll() => Encoding.GetString(_body);

    private static Encoding? FromBom(ReadOnlySpan<byte> data, out int length)
    {
        (Encoding? encoding, length) = data switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => ((Encoding?)Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => (null, 0),
        };
        return encoding;
    }

    private static Encoding? FromUtf16Pattern(ReadOnlySpan<byte> data) => data switch
    {
        [(byte)'<', 0, (byte)'?', 0, ..] or [(byte)'<', 0, (byte)'r', 0, ..] => Encoding.Unicode,
        [0, (byte)'<', 0, (byte)'?', ..] or [0, (byte)'<', 0, (byte)'r', ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

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
