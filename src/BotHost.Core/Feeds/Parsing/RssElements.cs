using System.Runtime.CompilerServices;
using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>Reads RSS &lt;channel&gt; and &lt;item&gt; elements: 0.9x, 1.0 (RDF) and 2.0 share their vocabulary and modules.</summary>
internal sealed class RssElements(FeedParseState state)
{
    public const string ItemName = "item";

    private FeedParseState State => state;

    /// <summary>Reads a document from its root (&lt;rss&gt; or &lt;rdf:RDF&gt;): the channel and items inside or beside it.</summary>
    public void ReadDocument(FeedElementReader reader)
    {
        reader.ItemName = ItemName;
        var baseUri = FeedUrls.ApplyXmlBase(reader.Reader, null, state.DocumentBase);
        reader.ForEachChild((this, baseUri), static (child, context) =>
        {
            var (rss, baseUri) = context;
            if (!rss.IsCore(child.Reader))
            {
                return false;
            }

            switch (child.Reader.LocalName)
            {
                case "channel":
                    rss.ReadChannel(child, baseUri);
                    return true;
                case ItemName:
                    rss.State.AddItem(rss.ReadItem(child, baseUri));
                    return true;
                default:
                    return false;
            }
        });
    }

    /// <summary>Reads one &lt;item&gt; (the reader is on its start tag) and leaves the reader after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    public RawFeedItem ReadItem(FeedElementReader reader, Uri? baseUri)
    {
        var itemBase = FeedUrls.ApplyXmlBase(reader.Reader, baseUri, state.DocumentBase);
        var item = new RawFeedItem { Id = reader.Reader.GetAttribute("about", FeedXml.Rdf) };
        reader.ItemDepth = reader.Reader.Depth;
        reader.ForEachChild((this, item, itemBase), static (child, context) => context.Item1.ReadField(child, context.item, context.itemBase));
        reader.ItemDepth = -1;
        return item;
    }

    /// <summary>True for elements of RSS itself: no namespace, one of its historical ones, or the one its root declared.</summary>
    private bool IsCore(XmlReader reader)
    {
        var ns = reader.NamespaceURI;
        return ns is "" or FeedXml.Rss10 or FeedXml.Rss090 or FeedXml.UserlandRss2 || ns == state.RssNamespace || state.AnyNamespace;
    }

    /// <summary>Reads the channel's title and link, and any items nested in it (RDF puts them beside it instead).</summary>
    private void ReadChannel(FeedElementReader reader, Uri? baseUri)
    {
        var channelBase = FeedUrls.ApplyXmlBase(reader.Reader, baseUri, state.DocumentBase);
        reader.ForEachChild((this, channelBase), static (child, context) =>
        {
            var (rss, channelBase) = context;
            if (!rss.IsCore(child.Reader))
            {
                return false;
            }

            switch (child.Reader.LocalName)
            {
                case "title":
                    rss.State.Title = FeedText.Title(child.ReadText(), TextKind.LooseText);
                    return true;
                case "link":
                    rss.State.SiteUrl = FeedUrls.Resolve(child.ReadText(), channelBase ?? rss.State.SourceUri);
                    return true;
                case ItemName:
                    rss.State.AddItem(rss.ReadItem(child, channelBase));
                    return true;
                default:
                    return false;
            }
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    private bool ReadField(FeedElementReader element, RawFeedItem item, Uri? baseUri)
    {
        var reader = element.Reader;
        if (IsCore(reader))
        {
            switch (reader.LocalName)
            {
                case "title":
                    item.Title = element.ReadText();
                    return true;
                case "link":
                    var linkBase = FeedUrls.ApplyXmlBase(reader, baseUri, state.DocumentBase);
                    item.Link = FeedUrls.ResolveText(element.ReadText(), linkBase ?? state.DocumentBase);
                    return true;
                case "description":
                    item.SummaryText = FeedText.Summary(element.ReadTextSpan(), TextKind.Html, state.SummaryMaxLength);
                    return true;
                case "guid":
                    ReadGuid(element, item, baseUri ?? state.DocumentBase);
                    return true;
                case "comments":
                    item.Comments = FeedUrls.ResolveText(element.ReadText(), baseUri ?? state.DocumentBase);
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
                // The full body is only the fallback: once a description gave the summary it is skipped unread.
                if (item.HasSummary)
                {
                    return false;
                }

                item.ContentText = FeedText.Summary(element.ReadTextSpan(), TextKind.Html, state.SummaryMaxLength);
                return true;
            case (FeedXml.DublinCore, "date"):
                var date = element.ReadText();
                item.DateText ??= date;
                return true;
            case (FeedXml.DublinCore, "subject"):
                item.AddCategory(element.ReadText());
                return true;
            case (FeedXml.Media, "group" or "content" or "description"):
                MediaDescription.Read(element, item, state.SummaryMaxLength);
                return true;
            default:
                return false;
        }
    }

    private static void ReadGuid(FeedElementReader element, RawFeedItem item, Uri? baseUri)
    {
        // RSS 2.0: a guid is a permalink unless isPermaLink="false".
        var isPermaLink = !string.Equals(element.Reader.GetAttribute("isPermaLink")?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var guid = element.ReadText().Trim();
        if (guid.Length == 0)
        {
            return;
        }

        item.Id = guid;
        if (isPermaLink)
        {
            item.PermaLink = FeedUrls.ResolveText(guid, baseUri);
        }
    }
}
