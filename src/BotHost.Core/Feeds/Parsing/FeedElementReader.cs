using System.Text;
using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// The only way the XML format parsers move through a document: visits child elements and reads text, spending a
/// step of the <see cref="ParseGuard"/> per node, and checks that every handler keeps its promise.
/// </summary>
internal sealed class FeedElementReader
{
    private readonly IXmlLineInfo _position;

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
    public void ForEachChild<TState>(TState state, Func<FeedElementReader, TState, bool> handle)
    {
        var reader = Reader;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
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
    public string ReadText()
    {
        var reader = Reader;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        reader.Read();
        string? single = null;
        StringBuilder? builder = null;
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            Guard.Step();
            if (reader.EOF)
            {
                throw new XmlException("The document ended inside an element.");
            }

            if (reader.NodeType == XmlNodeType.Element && IsUnclosedItemBoundary())
            {
                return builder?.ToString() ?? single ?? string.Empty;
            }

            string? piece = reader.NodeType switch
            {
                XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace => reader.Value,
                XmlNodeType.Element => reader.IsEmptyElement ? $"<{reader.LocalName}/>" : $"<{reader.LocalName}>",
                XmlNodeType.EndElement => $"</{reader.LocalName}>",
                _ => null,
            };

            if (piece is not null)
            {
                if (single is null && builder is null)
                {
                    single = piece;
                }
                else
                {
                    builder ??= new StringBuilder(single);
                    builder.Append(piece);
                }
            }

            reader.Read();
        }

        reader.Read();
        return builder?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>
    /// Plain text of an XHTML construct (Atom type="xhtml"): text nodes are literal, whatever they look like, and
    /// block elements separate words; script and style are dropped. Leaves the reader after the element.
    /// </summary>
    public string ReadXhtmlText()
    {
        var reader = Reader;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        var builder = new StringBuilder();
        reader.Read();
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
                    builder.Append(reader.Value);
                    break;
                case XmlNodeType.Element when reader.LocalName is "script" or "style":
                    reader.Skip();
                    continue;
                case XmlNodeType.Element or XmlNodeType.EndElement when HtmlText.IsBlock(reader.LocalName):
                    builder.Append(' ');
                    break;
            }

            reader.Read();
        }

        reader.Read();
        return builder.ToString();
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
