using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>Atom 1.0 (RFC 4287) and the older Atom 0.3: &lt;feed&gt; with &lt;entry&gt; children.</summary>
internal sealed class AtomFeedParser(FeedParseState state)
{
    /// <summary>Reads the document from its &lt;feed&gt; root element.</summary>
    public void Parse(XmlReader reader)
    {
        state.Version = state.Format == FeedFormat.Atom03 ? "0.3" : "1.0";
        var feedBase = FeedUrls.ApplyXmlBase(reader, state.SourceUri);
        var links = new AtomLinks();
        FeedXml.ForEachChild(reader, child =>
        {
            if (!IsAtom(child))
            {
                return false;
            }

            switch (child.LocalName)
            {
                case "title":
                    state.Title = HtmlText.ToPlainText(FeedXml.ReadText(child));
                    return true;
                case "link":
                    links.Add(child, feedBase);
                    return false;
                case "entry":
                    state.AddItem(ReadEntry(child, feedBase));
                    return true;
                default:
                    return false;
            }
        });
        state.SiteUrl = links.Alternate;
    }

    private static bool IsAtom(XmlReader reader) => reader.NamespaceURI is FeedXml.Atom10 or FeedXml.Atom03 or "";

    private static RawFeedItem ReadEntry(XmlReader reader, Uri? baseUri)
    {
        var entryBase = FeedUrls.ApplyXmlBase(reader, baseUri);
        var item = new RawFeedItem();
        var links = new AtomLinks();
        string? published = null, updated = null;
        FeedXml.ForEachChild(reader, child =>
        {
            if (child.NamespaceURI == FeedXml.DublinCore && child.LocalName == "subject")
            {
                item.AddCategory(FeedXml.ReadText(child));
                return true;
            }

            if (!IsAtom(child))
            {
                return false;
            }

            switch (child.LocalName)
            {
                case "id":
                    item.Id = FeedXml.ReadText(child);
                    return true;
                case "title":
                    item.Title = FeedXml.ReadText(child);
                    return true;
                case "link":
                    links.Add(child, entryBase);
                    return false;
                case "summary":
                    item.Summary = FeedXml.ReadText(child);
                    return true;
                case "content":
                    // Atom 0.3 allows base64 content; it is not text we can summarise.
                    if (child.GetAttribute("mode") == "base64")
                    {
                        return false;
                    }

                    item.Content = FeedXml.ReadText(child);
                    return true;
                case "published" or "issued" or "created":
                    published ??= FeedXml.ReadText(child);
                    return true;
                case "updated" or "modified":
                    updated ??= FeedXml.ReadText(child);
                    return true;
                case "category":
                    item.AddCategory(child.GetAttribute("term") ?? child.GetAttribute("label") ?? string.Empty);
                    return false;
                default:
                    return false;
            }
        });

        item.Link = links.Alternate;
        item.Comments = links.Replies;
        item.DateText = published ?? updated;
        return item;
    }


    /// <summary>
    /// Picks among several &lt;link&gt;s: rel="alternate" (or no rel) with an HTML or absent type first, then any
    /// other alternate; rel="replies" with an HTML type is the discussion page.
    /// </summary>
    private sealed class AtomLinks
    {
        private Uri? _html;
        private Uri? _other;

        public Uri? Alternate => _html ?? _other;

        public Uri? Replies { get; private set; }

        public void Add(XmlReader reader, Uri? baseUri)
        {
            var href = FeedUrls.Resolve(reader.GetAttribute("href"), FeedUrls.ApplyXmlBase(reader, baseUri));
            if (href is null)
            {
                return;
            }

            var rel = reader.GetAttribute("rel")?.Trim() ?? "alternate";
            var type = reader.GetAttribute("type")?.Trim();
            var isHtml = type is null || type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
                || type.StartsWith("application/xhtml+xml", StringComparison.OrdinalIgnoreCase);
            if (rel.Equals("alternate", StringComparison.OrdinalIgnoreCase) || rel.Equals("http://www.iana.org/assignments/relation/alternate", StringComparison.OrdinalIgnoreCase))
            {
                if (isHtml)
                {
                    _html ??= href;
                }
                else
                {
                    _other ??= href;
                }
            }
            else if (rel.Equals("replies", StringComparison.OrdinalIgnoreCase) && isHtml)
            {
                Replies ??= href;
            }
        }
    }
}
