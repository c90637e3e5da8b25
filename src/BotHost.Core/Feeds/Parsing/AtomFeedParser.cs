using System.Runtime.CompilerServices;
using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>Atom 1.0 (RFC 4287) and the older Atom 0.3: &lt;feed&gt; with &lt;entry&gt; children.</summary>
internal sealed class AtomFeedParser(FeedParseState state)
{
    public const string ItemName = "entry";

    private FeedParseState State => state;

    /// <summary>Reads the document from its &lt;feed&gt; root element.</summary>
    public void Parse(FeedElementReader reader)
    {
        state.Version = state.Format == FeedFormat.Atom03 ? "0.3" : "1.0";
        reader.ItemName = ItemName;
        var feedBase = FeedUrls.ApplyXmlBase(reader.Reader, null, state.SourceUri);
        var links = new AtomLinks();
        reader.ForEachChild((this, links, feedBase), static (child, context) =>
        {
            var (atom, links, feedBase) = context;
            if (!atom.IsAtom(child.Reader))
            {
                return false;
            }

            switch (child.Reader.LocalName)
            {
                case "title":
                    atom.State.Title = FeedText.Title(AtomText.Read(child, out var kind), kind);
                    return true;
                case "link":
                    // The feed's own link is the base of last resort, so it resolves against the document's location.
                    links.Add(child.Reader, feedBase ?? atom.State.SourceUri);
                    atom.State.SiteUrl = links.Alternate is { } site ? new Uri(site) : null;
                    return false;
                case ItemName:
                    atom.State.AddItem(atom.ReadEntry(child, feedBase));
                    return true;
                default:
                    return false;
            }
        });
    }

    /// <summary>Reads one &lt;entry&gt; (the reader is on its start tag) and leaves the reader after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    public RawFeedItem ReadEntry(FeedElementReader reader, Uri? baseUri)
    {
        var entryBase = FeedUrls.ApplyXmlBase(reader.Reader, baseUri, state.DocumentBase);
        var entry = new AtomEntry(this, entryBase);
        reader.ItemDepth = reader.Reader.Depth;
        reader.ForEachChild(entry, static (child, entry) => entry.Read(child));
        reader.ItemDepth = -1;
        var item = entry.Item;
        item.Link = entry.Links.Alternate;
        item.Comments = entry.Links.Replies;
        item.DateText = entry.Published ?? entry.Updated;
        return item;
    }

    private bool IsAtom(XmlReader reader) =>
        reader.NamespaceURI is FeedXml.Atom10 or FeedXml.Atom03 or "" || state.AnyNamespace;

    /// <summary>One entry being read: its fields, links and the first date of each kind.</summary>
    private sealed class AtomEntry(AtomFeedParser atom, Uri? baseUri)
    {
        public RawFeedItem Item { get; } = new();

        public AtomLinks Links { get; } = new();

        public string? Published { get; private set; }

        public string? Updated { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
        public bool Read(FeedElementReader element)
        {
            var child = element.Reader;
            switch (child.NamespaceURI, child.LocalName)
            {
                case (FeedXml.DublinCore, "subject"):
                    Item.AddCategory(element.ReadText());
                    return true;
                case (FeedXml.Media, "group" or "content" or "description"):
                    MediaDescription.Read(element, Item, atom.State.SummaryMaxLength);
                    return true;
            }

            if (!atom.IsAtom(child))
            {
                return false;
            }

            switch (child.LocalName)
            {
                case "id":
                    Item.Id = element.ReadText();
                    return true;
                case "title":
                    Item.Title = AtomText.Read(element, out var titleKind);
                    Item.TitleKind = titleKind;
                    return true;
                case "link":
                    Links.Add(child, baseUri ?? atom.State.DocumentBase);
                    return false;
                case "summary":
                    Item.SummaryText = AtomText.Summarize(element, atom.State.SummaryMaxLength);
                    return true;
                case "content":
                    // Atom 0.3 allows base64 content, and Atom 1.0 out-of-line content (src=""): neither is text to
                    // summarise. The full body is only the fallback: once a summary came first it is skipped unread.
                    if (Item.HasSummary || child.GetAttribute("mode") == "base64" || child.GetAttribute("src") is not null)
                    {
                        return false;
                    }

                    Item.ContentText = AtomText.Summarize(element, atom.State.SummaryMaxLength);
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
                    Item.AddCategory(child.GetAttribute("term") ?? child.GetAttribute("label") ?? string.Empty);
                    return false;
                default:
                    return false;
            }
        }
    }
}
