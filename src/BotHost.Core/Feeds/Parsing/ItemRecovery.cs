using System.Text.RegularExpressions;
using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// The second, lenient read of a document whose strict read broke (or found no items where the text plainly has
/// some): from a position on, finds each item's start tag in the repaired text and reads that item alone as an XML
/// fragment, so one broken item costs that item and not every item after it. An item that is not closed ends at
/// the next item's start tag.
/// </summary>
internal sealed partial class ItemRecovery(string text, FeedParseState state, ParseGuard guard, XmlNameTable names, IReadOnlyList<(string Prefix, string Uri)> rootNamespaces)
{
    private static readonly XmlReaderSettings FragmentSettings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>Items read back and item elements that could not be read, in this recovery.</summary>
    public (int Recovered, int Unreadable) Result { get; private set; }

    /// <summary>True when the text has an item or entry start tag anywhere (so zero items is never a clean parse).</summary>
    public static bool HasItemElements(string text) => AnyItemStart().IsMatch(text);

    /// <summary>Reads every item that starts at or after <paramref name="position"/>, adding each to the state.</summary>
    /// <param name="itemNames">The item element names to look for: the format's own, or both when any will do.</param>
    /// <param name="readItem">Reads the item element the reader is on, by its local name.</param>
    public void ReadFrom(int position, bool anyItemName, Func<FeedElementReader, RawFeedItem> readItem)
    {
        var itemStart = anyItemName ? AnyItemStart() : state.Format is FeedFormat.Atom10 or FeedFormat.Atom03 ? EntryStart() : ItemStart();
        int recovered = 0, unreadable = 0;
        while (position < text.Length)
        {
            var match = itemStart.Match(text, position);
            if (!match.Success)
            {
                break;
            }

            var start = match.Index;
            var reader = XmlReader.Create(new StringSliceReader(text, start), FragmentSettings, Context());
            var line = (IXmlLineInfo)reader;
            try
            {
                reader.MoveToContent();

                // Not disposed: closing a subtree reader reads on to the item's end tag, which an unclosed item never has.
                var item = reader.ReadSubtree();
                item.MoveToContent();
                var elements = new FeedElementReader(item, guard) { ItemName = reader.LocalName };
                state.AddItem(readItem(elements));
                recovered++;
                position = LineBreaks.OffsetOf(text, start, line.LineNumber, line.LinePosition);
            }
            catch (XmlException ex)
            {
                unreadable++;
                position = LineBreaks.OffsetOf(text, start, ex.LineNumber, ex.LinePosition);
            }

            // Positions point at a name, past its "<" or "</": step back so the next item's start tag is found.
            position = Math.Max(position - 2, start + 1);
        }

        Result = (recovered, unreadable);
    }

    private XmlParserContext Context()
    {
        var namespaces = new LaxNamespaceManager(names);
        foreach (var (prefix, uri) in rootNamespaces)
        {
            namespaces.AddNamespace(prefix, uri);
        }

        return new XmlParserContext(names, namespaces, null, XmlSpace.None);
    }

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.\-]*:)?item(?=[\s/>])", RegexOptions.CultureInvariant)]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.\-]*:)?entry(?=[\s/>])", RegexOptions.CultureInvariant)]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"<(?:[A-Za-z_][\w.\-]*:)?(?:item|entry)(?=[\s/>])", RegexOptions.CultureInvariant)]
    private static partial Regex AnyItemStart();
}
