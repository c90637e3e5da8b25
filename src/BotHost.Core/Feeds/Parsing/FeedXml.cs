using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>The namespaces the XML format parsers recognise.</summary>
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
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>True for elements of RSS itself, whichever of its historical namespaces (or none) the feed uses.</summary>
    public static bool IsRssCore(XmlReader reader) =>
        reader.NamespaceURI is "" or Rss10 or Rss090 or UserlandRss2;
}
