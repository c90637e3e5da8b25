using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>Reads RSS &lt;channel&gt; and &lt;item&gt; elements: 0.9x, 1.0 (RDF) and 2.0 share their vocabulary and modules.</summary>
internal static class RssElements
{
    /// <summary>Reads a document from its root (&lt;rss&gt; or &lt;rdf:RDF&gt;): the channel and items inside or beside it.</summary>
    public static void ReadDocument(FeedElementReader reader, FeedParseState state)
    {
        var baseUri = FeedUrls.ApplyXmlBase(reader.Reader, state.SourceUri);
        reader.ForEachChild((state, baseUri), static (child, context) =>
        {
            var (state, baseUri) = context;
            if (!FeedXml.IsRssCore(child.Reader))
            {
                return false;
            }

            switch (child.Reader.LocalName)
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
    public static void ReadChannel(FeedElementReader reader, Uri? baseUri, FeedParseState state)
    {
        var channelBase = FeedUrls.ApplyXmlBase(reader.Reader, baseUri);
        reader.ForEachChild((state, channelBase), static (child, context) =>
        {
            var (state, channelBase) = context;
            if (!FeedXml.IsRssCore(child.Reader))
            {
                return false;
            }

            switch (child.Reader.LocalName)
            {
                case "title":
                    state.Title = HtmlText.ToPlainText(child.ReadText());
                    return true;
                case "link":
                    state.SiteUrl = FeedUrls.Resolve(child.ReadText(), channelBase);
                    return true;
                case "item":
                    state.AddItem(ReadItem(child, channelBase));
                    return true;
                default:
                    return false;
            }
        });
    }

    public static RawFeedItem ReadItem(FeedElementReader reader, Uri? baseUri)
    {
        var itemBase = FeedUrls.ApplyXmlBase(reader.Reader, baseUri);
        var item = new RawFeedItem { Id = reader.Reader.GetAttribute("about", FeedXml.Rdf) };
        reader.ForEachChild((item, itemBase), static (child, context) => ReadField(child, context.item, context.itemBase));
        return item;
    }

    private static bool ReadField(FeedElementReader element, RawFeedItem item, Uri? baseUri)
    {
        var reader = element.Reader;
        if (FeedXml.IsRssCore(reader))
        {
            switch (reader.LocalName)
            {
                case "title":
                    item.Title = element.ReadText();
                    return true;
                case "link":
                    var linkBase = FeedUrls.ApplyXmlBase(reader, baseUri);
                    item.Link = FeedUrls.Resolve(element.ReadText(), linkBase);
                    return true;
                case "description":
                    item.Summary = element.ReadText();
                    return true;
                case "guid":
                    ReadGuid(element, item, baseUri);
                    return true;
                case "comments":
                    item.Comments = FeedUrls.Resolve(element.ReadText(), baseUri);
                    return true;
                case "pubDate":
                    item.DateText = element.ReadText();
                    return true;
                case "category":
                    item.AddCategory(element.ReadText());
                    return true;
                default:
                    return false;
            }
        }

        switch (reader.NamespaceURI, reader.LocalName)
        {
            case (FeedXml.Content, "encoded"):
                item.Content = element.ReadText();
                return true;
            case (FeedXml.DublinCore, "date"):
                var date = element.ReadText();
                item.DateText ??= date;
                return true;
            case (FeedXml.DublinCore, "subject"):
                item.AddCategory(element.ReadText());
                return true;
            default:
                return false;
        }
    }

    private static void ReadGuid(FeedElementReader element, RawFeedItem item, Uri? baseUri)
    {
        var reader = element.Reader;
        // RSS 2.0: a guid is a permalink unless isPermaLink="false".
        var isPermaLink = !string.Equals(reader.GetAttribute("isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var guid = element.ReadText().Trim();
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
