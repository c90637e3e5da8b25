using System.Text;
using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>Namespaces and forward-only reading steps shared by the XML format parsers.</summary>
internal static class FeedXml
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string UserlandRss2 = "http://backend.userland.com/rss2";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";

    /// <summary>
    /// Visits the element children of the current element. <paramref name="handle"/> consumes the element it
    /// accepts and returns true; anything it returns false for is skipped.
    /// </summary>
    public static void ForEachChild(XmlReader reader, Func<XmlReader, bool> handle)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        var depth = reader.Depth;
        reader.Read();
        while (true)
        {
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
            }
            else if (!handle(reader))
            {
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// The element's content with XML escaping undone; child elements (Atom xhtml, stray HTML in a description)
    /// come back as tags so <see cref="HtmlText"/> can strip them. Leaves the reader after the element.
    /// </summary>
    public static string ReadText(XmlReader reader)
    {
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
            if (reader.EOF)
            {
                throw new XmlException("The document ended inside an element.");
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

    /// <summary>True for elements of RSS itself, whichever of its historical namespaces (or none) the feed uses.</summary>
    public static bool IsRssCore(XmlReader reader) =>
        reader.NamespaceURI is "" or Rss10 or Rss090 or UserlandRss2;
}
