using System.Runtime.CompilerServices;
using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// The only way the XML format parsers move through a document: visits child elements and reads text, spending a
/// step of the <see cref="ParseGuard"/> per node, and checks that every handler keeps its promise.
/// </summary>
internal sealed class FeedElementReader
{
    private readonly IXmlLineInfo _position;
    private char[] _text = new char[1024];
    private int _length;

    public FeedElementReader(XmlReader reader, ParseGuard guard)
    {
        Reader = reader;
        Guard = guard;
        _position = reader as IXmlLineInfo is { } info && info.HasLineInfo()
            ? info
            : throw new ArgumentException("The reader must report line positions: they tell whether a handler advanced.", nameof(reader));
    }

    public XmlReader Reader { get; }

    public ParseGuard Guard { get; }

    /// <summary>
    /// The local name of the format's item element ("item", "entry"). An item never contains another, so meeting one
    /// inside an item means the outer one was never closed: every visit then stops, <see cref="BoundaryHit"/> is set,
    /// and the reader is left on the inner item's start tag for the caller to recover from.
    /// </summary>
    public string? ItemName { get; set; }

    /// <summary>Depth of the item being read, or -1 outside items.</summary>
    public int ItemDepth { get; set; } = -1;

    public bool BoundaryHit { get; private set; }

    /// <summary>
    /// Visits the element children of the current element and leaves the reader after it. <paramref name="handle"/>
    /// returns true when it consumed the element (read past its end) and false when it left it untouched; anything
    /// else is a parser fault: a claim without advancing would hand the same element back forever, and advancing
    /// without a claim would skip the next sibling. Either is caught here, thrown or recorded per <see cref="ParseGuard"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    public void ForEachChild<TState>(TState state, Func<FeedElementReader, TState, bool> handle)
    {
        var reader = Reader;
        if (!Enter(out var depth))
        {
            return;
        }

        while (!BoundaryHit)
        {
            Guard.Step();
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                reader.Read();
                return;
            }

            if (reader.EOF)
            {
                throw new XmlException("The document ended before its elements were closed.");
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            if (IsUnclosedItemBoundary())
            {
                return;
            }

            var line = _position.LineNumber;
            var column = _position.LinePosition;
            var name = reader.Name;
            var claimed = handle(this, state);
            var moved = line != _position.LineNumber || column != _position.LinePosition || reader.NodeType != XmlNodeType.Element;
            if (claimed && !moved)
            {
                Guard.Fault($"Skipped <{name}> at line {line}, position {column}: the parser claimed it without reading it (a parser fault).");
                reader.Skip();
            }
            else if (!claimed && moved)
            {
                Guard.Fault($"Read <{name}> at line {line}, position {column} without claiming it (a parser fault); went on from where it stopped.");
            }
            else if (!claimed)
            {
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// The element's content with XML escaping undone; child elements (Atom xhtml, stray HTML in a description)
    /// come back as tags so <see cref="HtmlText"/> can strip them. Leaves the reader after the element.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    public string ReadText()
    {
        // Most fields are one short text node: take the XML reader's own string for it, no copy through the buffer.
        var reader = Reader;
        if (Enter(out var depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                var value = reader.Value;
                reader.Read();
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    Guard.Step();
                    reader.Read();
                    return value;
                }

                _length = 0;
                Append(value);
                ReadContentFrom(depth, xhtml: false);
                return _text.AsSpan(0, _length).ToString();
            }

            _length = 0;
            ReadContentFrom(depth, xhtml: false);
            return _text.AsSpan(0, _length).ToString();
        }

        return string.Empty;
    }

    /// <summary>
    /// <see cref="ReadText"/> without building a string: the content is copied out of the XML reader's buffer into
    /// one that the next call reuses, so a long description is summarised without being allocated.
    /// </summary>
    public ReadOnlySpan<char> ReadTextSpan()
    {
        _length = 0;
        ReadContent(xhtml: false);
        return _text.AsSpan(0, _length);
    }

    /// <summary>
    /// Plain text of an XHTML construct (Atom type="xhtml"): text nodes are literal, whatever they look like, and
    /// block elements separate words; script and style are dropped. Leaves the reader after the element.
    /// </summary>
    public string ReadXhtmlText()
    {
        _length = 0;
        ReadContent(xhtml: true);
        return _text.AsSpan(0, _length).ToString();
    }

    private void ReadContent(bool xhtml)
    {
        if (Enter(out var depth))
        {
            ReadContentFrom(depth, xhtml);
        }
    }

    /// <summary>Moves into the element the reader is on; false (and the reader after it) when it is empty.</summary>
    private bool Enter(out int depth)
    {
        var reader = Reader;
        depth = reader.Depth;
        var empty = reader.IsEmptyElement;
        reader.Read();
        return !empty;
    }

    /// <summary>Appends the content from the reader's position up to the end tag at <paramref name="depth"/>, and leaves the reader after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    private void ReadContentFrom(int depth, bool xhtml)
    {
        var reader = Reader;
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            Guard.Step();
            if (reader.EOF)
            {
                throw new XmlException("The document ended inside an element.");
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    AppendValue();
                    break;
                case XmlNodeType.Element when IsUnclosedItemBoundary():
                    return;
                case XmlNodeType.Element when xhtml && reader.LocalName is "script" or "style":
                    reader.Skip();
                    continue;
                case XmlNodeType.Element or XmlNodeType.EndElement when xhtml:
                    if (HtmlText.IsBlock(reader.LocalName))
                    {
                        Append(" ");
                    }

                    break;
                case XmlNodeType.Element:
                    Append("<");
                    Append(reader.LocalName);
                    Append(reader.IsEmptyElement ? "/>" : ">");
                    break;
                case XmlNodeType.EndElement:
                    Append("</");
                    Append(reader.LocalName);
                    Append(">");
                    break;
            }

            reader.Read();
        }

        reader.Read();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    private void AppendValue()
    {
        if (!Reader.CanReadValueChunk)
        {
            Append(Reader.Value);
            return;
        }

        while (true)
        {
            // Two free slots at least: ReadValueChunk never splits a surrogate pair, so one slot could read nothing.
            Reserve(2);
            var read = Reader.ReadValueChunk(_text, _length, _text.Length - _length);
            if (read == 0)
            {
                return;
            }

            _length += read;
        }
    }

    private void Append(string text)
    {
        Reserve(text.Length);
        text.CopyTo(_text.AsSpan(_length));
        _length += text.Length;
    }

    private void Reserve(int count)
    {
        if (_text.Length - _length < count)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _length + count));
        }
    }

    private bool IsUnclosedItemBoundary()
    {
        if (ItemDepth < 0 || Reader.Depth <= ItemDepth || !string.Equals(Reader.LocalName, ItemName, StringComparison.Ordinal))
        {
            return false;
        }

        BoundaryHit = true;
        return true;
    }
}
