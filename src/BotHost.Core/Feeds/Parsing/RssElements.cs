using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>Reads RSS &lt;channel&gt; and &lt;item&gt; elements: 0.9x, 1.0 (RDF) and 2.0 share their vocabulary and modules.</summary>
internal static class RssElements
{
    /// <summary>Reads a document from its root (&lt;rss&gt; or &lt;rdf:RDF&gt;): the channel and items inside or beside it.</summary>
    public static void ReadDocument(XmlReader reader, FeedParseState state)
    {
        var baseUri = FeedUrls.ApplyXmlBase(reader, state.SourceUri);
        FeedXml.ForEachChild(reader, child =>
        {
            if (!FeedXml.IsRssCore(child))
            {
                return false;
            }

            switch (child.LocalName)
            {
                case "channel":
                    ReadChannel(child, baseUri, state);
                    return true;
                case "item":
                    state.AddItem(ReadItem(child, baseUri));
                    return true;
                default:
                    return false;
            }
        });
    }

    /// <summary>Reads the channel's title and link, and any items nested in it (RDF puts them beside it instead).</summary>
    public static void ReadChannel(XmlReader reader, Uri? baseUri, FeedParseState state)
    {
        var channelBase = FeedUrls.ApplyXmlBase(reader, baseUri);
        FeedXml.ForEachChild(reader, child =>
        {
            if (!FeedXml.IsRssCore(child))
            {
                return false;
            }

            switch (child.LocalName)
            {
                case "title":
                    state.Title = HtmlText.ToPlainText(FeedXml.ReadText(child));
                    return true;
                case "link":
                    state.SiteUrl = FeedUrls.Resolve(FeedXml.ReadText(child), channelBase);
                    return true;
                case "item":
                    state.AddItem(ReadItem(child, channelBase));
                    return true;
                default:
                    return false;
            }
        });
    }

    public static RawFeedItem ReadItem(XmlReader reader, Uri? baseUri)
    {
        var itemBase = FeedUrls.ApplyXmlBase(reader, baseUri);
        var item = new RawFeedItem { Id = reader.GetAttribute("about", FeedXml.Rdf) };
        FeedXml.ForEachChild(reader, child => ReadField(child, item, itemBase));
        return item;
    }

    private static bool ReadField(XmlReader reader, RawFeedItem item, Uri? baseUri)
    {
        if (FeedXml.IsRssCore(reader))
        {
            switch (reader.LocalName)
            {
                case "title":
                    item.Title = FeedXml.ReadText(reader);
                    return true;
                case "link":
                    var linkBase = FeedUrls.ApplyXmlBase(reader, baseUri);
                    item.Link = FeedUrls.Resolve(FeedXml.ReadText(reader), linkBase);
                    return true;
                case "description":
                    item.Summary = FeedXml.ReadText(reader);
                    return true;
                case "guid":
                    ReadGuid(reader, item, baseUri);
                    return true;
                case "comments":
                    item.Comments = FeedUrls.Resolve(FeedXml.ReadText(reader), baseUri);
                    return true;
                case "pubDate":
                    item.DateText = FeedXml.ReadText(reader);
                    return true;
                case "category":
                    item.AddCategory(FeedXml.ReadText(reader));
                    return true;
                default:
                    return false;
            }
        }

        switch (reader.NamespaceURI, reader.LocalName)
        {
            case (FeedXml.Content, "encoded"):
                item.Content = FeedXml.ReadText(reader);
                return true;
            case (FeedXml.DublinCore, "date"):
                var date = FeedXml.ReadText(reader);
                item.DateText ??= date;
                return true;
            case (FeedXml.DublinCore, "subject"):
                item.AddCategory(FeedXml.ReadText(reader));
                return true;
            default:
                return false;
        }
    }

    private static void ReadGuid(XmlReader reader, RawFeedItem item, Uri? baseUri)
    {
        // RSS 2.0: a guid is a permalink unless isPermaLink="false".
        var isPermaLink = !string.Equals(reader.GetAttribute("isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var guid = FeedXml.ReadText(reader).Trim();
        if (guid.Length == 0)
        {
            return;
        }

        item.Id = guid;
        if (isPermaLink)
        {
            item.PermaLink = FeedUrls.Resolve(guid, baseUri);
        }
    }

}
