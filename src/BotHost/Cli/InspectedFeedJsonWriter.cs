using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Stories;

namespace BotHost.Cli;

/// <summary>
/// inspect-feed's JSON, written item by item as the parser reads them:
/// <c>{"format", "title", "items": [{"id", "title", "url", "canonical_url", "published", "summary_text"}], "errors"}</c>.
/// Nothing is written before the parser knows the document is a feed, so a refused document prints no JSON.
/// "title" comes before the items when the feed states it before its first item (feeds do), else after them.
/// </summary>
internal sealed class InspectedFeedJsonWriter : IFeedItemSink
{
    private const int ItemsPerFlush = 256;

    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Stream? _bytes;
    private readonly TextWriter? _text;
    private Utf8JsonWriter? _json;
    private bool _titleWritten;
    private int _pending;

    /// <summary>Writes UTF-8 straight to <paramref name="output"/> (standard output: no text writer in between).</summary>
    public InspectedFeedJsonWriter(Stream output) => _bytes = output;

    /// <summary>Writes to <paramref name="output"/> (a console captured by tests).</summary>
    public InspectedFeedJsonWriter(TextWriter output) => _text = output;

    public void Begin(FeedFormat format, string? title)
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true });
        _json.WriteStartObject();
        _json.WriteString("format", format.ToWireName());
        if (title is not null)
        {
            _json.WriteString("title", title);
            _titleWritten = true;
        }

        _json.WriteStartArray("items");
    }

    public void Add(FeedItem item)
    {
        var json = _json!;
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        json.WriteString("title", item.Title);
        json.WriteString("url", item.Url);
        json.WriteString("canonical_url", item.Url is not null && UrlCanonicalizer.TryCanonicalize(item.Url, out var canonical, out _) ? canonical : null);
        json.WriteString("published", item.Published?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        json.WriteString("summary_text", item.SummaryText);
        json.WriteEndObject();
        if (++_pending == ItemsPerFlush)
        {
            Flush();
        }
    }

    /// <summary>Closes the items and writes what the parse reported after them.</summary>
    public void Complete(StreamedFeed feed)
    {
        var json = _json!;
        json.WriteEndArray();
        if (!_titleWritten)
        {
            json.WriteString("title", feed.Title);
        }

        json.WriteStartArray("errors");
        foreach (var error in feed.Errors)
        {
            json.WriteStringValue(error);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        _buffer.Write("\n"u8);
        Flush();
        json.Dispose();
    }

    private void Flush()
    {
        _json!.Flush();
        if (_bytes is not null)
        {
            _bytes.Write(_buffer.WrittenSpan);
            _bytes.Flush();
        }
        else
        {
            _text!.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        }

        _buffer.ResetWrittenCount();
        _pending = 0;
    }
}
