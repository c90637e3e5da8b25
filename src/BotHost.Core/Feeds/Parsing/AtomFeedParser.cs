using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>Atom 1.0 (RFC 4287) and the older Atom 0.3: &lt;feed&gt; with &lt;entry&gt; children.</summary>
internal sealed class AtomFeedParser(FeedParseState state)
{
    /// <summary>Reads the document from its &lt;feed&gt; root element.</summary>
    public void Parse(FeedElementReader reader)
    {
        state.Version = state.Format == FeedFormat.Atom03 ? "0.3" : "1.0";
        var feedBase = FeedUrls.ApplyXmlBase(reader.Reader, state.SourceUri);
        var links = new AtomLinks();
        reader.ForEachChild((state, links, feedBase), static (child, context) =>
        {
            var (state, links, feedBase) = context;
            if (!IsAtom(child.Reader))
            {
                return false;
            }

            switch (child.Reader.LocalName)
            {
                case "title":
                    state.Title = HtmlText.ToPlainText(child.ReadText());
                    return true;
                case "link":
                    links.Add(child.Reader, feedBase);
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

    private static RawFeedItem ReadEntry(FeedElementReader reader, Uri? baseUri)
    {
        var entryBase = FeedUrls.ApplyXmlBase(reader.Reader, baseUri);
        var entry = new AtomEntry(new RawFeedItem(), new AtomLinks(), entryBase);
        reader.ForEachChild(entry, static (child, entry) => entry.Read(child));
        var item = entry.Item;
        item.Link = entry.Links.Alternate;
        item.Comments = entry.Links.Replies;
        item.DateText = entry.Published ?? entry.Updated;
        return item;
    }

    /// <summary>One entry being read: its fields, links and the first date of each kind.</summary>
    private sealed class AtomEntry(RawFeedItem item, AtomLinks links, Uri? baseUri)
    {
        public RawFeedItem Item => item;

        public AtomLinks Links => links;

        public string? Published { get; private set; }

        public string? Updated { get; private set; }

        public bool Read(FeedElementReader element)
        {
            var child = element.Reader;
            if (child.NamespaceURI == FeedXml.DublinCore && child.LocalName == "subject")
            {
                item.AddCategory(element.ReadText());
                return true;
            }

            if (!IsAtom(child))
            {
                return false;
            }

            switch (child.LocalName)
            {
                case "id":
                    item.Id = element.ReadText();
                    return true;
                case "title":
                    item.Title = element.ReadText();
                    return true;
                case "link":
                    links.Add(child, baseUri);
                    return false;
                case "summary":
                    item.Summary = element.ReadText();
                    return true;
                case "content":
                    // Atom 0.3 allows base64 content; it is not text we can summarise.
                    if (child.GetAttribute("mode") == "base64")
                    {
                        return false;
                    }

                    item.Content = element.ReadText();
                    return true;
                case "published" or "issued" or "created":
                    var published = element.ReadText();
                    Published ??= published;
                    return true;
                case "updated" or "modified":
                    var updated = element.ReadText();
                    Updated ??= updated;
                    return true;
                case "category":
                    item.AddCategory(child.GetAttribute("term") ?? child.GetAttribute("label") ?? string.Empty);
                    return false;
                default:
                    return false;
            }
        }
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
