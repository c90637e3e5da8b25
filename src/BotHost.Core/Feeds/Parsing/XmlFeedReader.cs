using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Reads an RSS, RDF or Atom document: one streaming pass over the repaired text (<see cref="XmlTextRepairReader"/>)
/// with lax namespaces (<see cref="LaxNamespaceManager"/>), then, where that pass broke or found no items although
/// the text has item elements, a lenient item-by-item re-read (<see cref="ItemRecovery"/>). Every repair is reported
/// in the feed's errors, and zero items from a document that has items is never reported as a clean parse.
/// </summary>
internal sealed class XmlFeedReader(FeedDocument document, XmlProlog prolog, FeedParseContext context, ParseGuard guard, List<string> errors)
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // Entities are never expanded and nothing external is fetched: no billion laughs, no XXE.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private int _linesSkipped;

    public ParsedFeed Read(int summaryMaxLength, int maxItems)
    {
        var names = new NameTable();
        var namespaces = new LaxNamespaceManager(names);
        using var text = document.OpenText(prolog, out _linesSkipped);
        using var reader = XmlReader.Create(text, Settings, new XmlParserContext(names, namespaces, null, XmlSpace.None));
        try
        {
            reader.MoveToContent();
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"The document is not well-formed XML before its root element: {ex.Message}", ex);
        }

        var state = new FeedParseState(DetectFormat(reader), context.SourceUri, summaryMaxLength, maxItems, errors);
        var rootNamespaces = RootNamespaces(reader);
        var rootBase = FeedUrls.ApplyXmlBase(reader, null, context.SourceUri);
        var elements = new FeedElementReader(reader, guard);
        (int Line, int Column)? broke = null;
        try
        {
            switch (state.Format)
            {
                case FeedFormat.Rss2 or FeedFormat.Rss09x:
                    new RssFeedParser(state).Parse(elements);
                    break;
                case FeedFormat.Rdf:
                    new RdfFeedParser(state).Parse(elements);
                    break;
                default:
                    new AtomFeedParser(state).Parse(elements);
                    break;
            }

            if (elements.BoundaryHit)
            {
                var at = (IXmlLineInfo)reader;
                broke = (at.LineNumber, at.LinePosition);
                state.AddError($"An <{elements.ItemName}> before line {at.LineNumber + _linesSkipped} is never closed; read it up to the next one.");
            }
        }
        catch (XmlException ex)
        {
            broke = (ex.LineNumber, ex.LinePosition);
            var lost = elements.ItemDepth >= 0 ? " The item it was in could not be read." : string.Empty;
            state.AddError($"The feed is malformed at line {ex.LineNumber + _linesSkipped}, position {ex.LinePosition}: {ex.Message}{lost} Kept the {state.Items.Count} item(s) read before the break.");
        }
        catch (ParseBudgetExceededException ex) when (!guard.ThrowOnFault)
        {
            state.AddError($"{ex.Message} Kept the {state.Items.Count} item(s) read before it stopped.");
        }

        string? fullText = null;
        if (broke is { } position)
        {
            fullText = ReadRepairedText();
            var recovery = new ItemRecovery(fullText, state, guard, names, rootNamespaces);
            // XmlReader positions point at a name, past its "<": start just before, so an item that starts there is found.
            var offset = LineBreaks.OffsetOf(fullText, 0, position.Line, position.Column);
            recovery.ReadFrom(Math.Max(0, offset - 2), anyItemName: false, e => ReadItem(state, e, rootBase));
            ReportRecovery(state, recovery.Result, "after the break");
        }

        if (state.Items.Count == 0 && state.Seen == 0)
        {
            fullText ??= ReadRepairedText();
            RecoverMisplacedItems(state, fullText, names, rootNamespaces, rootBase);
        }

        foreach (var repair in text.Repairs.Describe(htmlEntitiesMayBeDeclared: prolog.HasDoctype))
        {
            state.AddError(repair);
        }

        if (namespaces.Undeclared.Count > 0)
        {
            state.AddError(namespaces.Describe());
        }

        return state.ToParsedFeed();
    }

    /// <summary>
    /// No item was found where the format puts them, yet the text has item elements (in a namespace the format does
    /// not define, or outside the channel): read them by local name alone, and say so; if none can be read, say that.
    /// </summary>
    private void RecoverMisplacedItems(FeedParseState state, string fullText, XmlNameTable names, IReadOnlyList<(string, string)> rootNamespaces, Uri? rootBase)
    {
        if (!ItemRecovery.HasItemElements(fullText))
        {
            return;
        }

        state.AnyNamespace = true;
        var recovery = new ItemRecovery(fullText, state, guard, names, rootNamespaces);
        recovery.ReadFrom(0, anyItemName: true, e => ReadItem(state, e, rootBase));
        if (state.Items.Count > 0)
        {
            state.AddError($"Found no items where the {state.Format.ToWireName()} format puts them; read the {state.Items.Count} <item>/<entry> element(s) the document has by name alone.");
        }
        else if (state.Seen == 0)
        {
            state.AddError($"The document has <item>/<entry> elements, but none could be read as feed items ({recovery.Result.Unreadable} unreadable).");
        }
    }

    private static RawFeedItem ReadItem(FeedParseState state, FeedElementReader element, Uri? rootBase) =>
        element.Reader.LocalName == AtomFeedParser.ItemName
            ? new AtomFeedParser(state).ReadEntry(element, rootBase)
            : new RssElements(state).ReadItem(element, rootBase);

    private static void ReportRecovery(FeedParseState state, (int Recovered, int Unreadable) result, string where)
    {
        if (result.Recovered > 0 || result.Unreadable > 0)
        {
            var skipped = result.Unreadable > 0 ? $"; {result.Unreadable} more could not be read and were skipped" : string.Empty;
            state.AddError($"Read {result.Recovered} more item(s) {where} one by one{skipped}.");
        }
    }

    private string ReadRepairedText()
    {
        using var text = document.OpenText(prolog, out _);
        return text.ReadToEnd();
    }

    private FeedFormat DetectFormat(XmlReader root)
    {
        switch (root.LocalName)
        {
            case "rss":
                var version = root.GetAttribute("version")?.Trim();
                return version is not null && version.StartsWith("0.9", StringComparison.Ordinal) ? FeedFormat.Rss09x : FeedFormat.Rss2;
            case "RDF" when root.NamespaceURI == FeedXml.Rdf:
                return FeedFormat.Rdf;
            case "feed" when root.NamespaceURI == FeedXml.Atom03 || root.GetAttribute("version")?.Trim() == "0.3":
                return FeedFormat.Atom03;
            case "feed" when root.NamespaceURI is FeedXml.Atom10 or "":
                return FeedFormat.Atom10;
            case "html" or "HTML":
                throw NotAFeedException.ForHtmlPage(document.DecodeAll(), context.SourceUri);
            default:
                throw new FeedFormatException(
                    $"The XML root element <{root.Name}> (namespace '{root.NamespaceURI}') is not a feed; expected <rss>, <rdf:RDF> or <feed>.");
        }
    }

    /// <summary>The root's namespace declarations, so an item re-read alone resolves the same prefixes.</summary>
    private static List<(string Prefix, string Uri)> RootNamespaces(XmlReader root)
    {
        var declared = new List<(string, string)>();
        if (root.MoveToFirstAttribute())
        {
            do
            {
                if (root.Prefix == "xmlns")
                {
                    declared.Add((root.LocalName, root.Value));
                }
                else if (root.Name == "xmlns")
                {
                    declared.Add((string.Empty, root.Value));
                }
            }
            while (root.MoveToNextAttribute());
            root.MoveToElement();
        }

        return declared;
    }
}
