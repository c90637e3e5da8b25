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

    public StreamedFeed Read(int summaryMaxLength, int maxItems, IFeedItemSink items)
    {
        // Most feeds are well-formed: read them as they are. Only when that strict read breaks is the document read
        // again from the start with text-level repairs; the items the strict read already delivered are not sent twice.
        var mark = errors.Count;
        var strict = ReadPass(repair: false, summaryMaxLength, maxItems, items);
        if (strict.Broke is null)
        {
            return Finish(strict, repairs: null);
        }

        errors.RemoveRange(mark, errors.Count - mark);
        var delivered = strict.State?.ItemCount ?? 0;
        var resumed = new ResumingSink(items, delivered, begun: delivered > 0);
        var lenient = ReadPass(repair: true, summaryMaxLength, maxItems, resumed);
        var state = lenient.State!;
        string? fullText = null;
        if (lenient.Broke is { } position)
        {
            fullText = ReadRepairedText();
            var recovery = new ItemRecovery(fullText, state, guard, lenient.Names, lenient.RootNamespaces);

            // XmlReader positions point at a name, past its "<": start just before, so an item that starts there is found.
            var offset = LineBreaks.OffsetOf(fullText, 0, position.Line, position.Column);
            recovery.ReadFrom(Math.Max(0, offset - 2), anyItemName: false, e => ReadItem(state, e, lenient.RootBase));
            ReportRecovery(state, recovery.Result, "after the break");
        }

        var feed = Finish(lenient, lenient.Repairs, fullText);
        return feed with { ItemCount = Math.Max(feed.ItemCount, resumed.Delivered) };
    }

    private StreamedFeed Finish(Pass pass, TextRepairs? repairs, string? fullText = null)
    {
        var state = pass.State!;
        if (state.ItemCount == 0 && state.Seen == 0)
        {
            RecoverMisplacedItems(state, fullText ?? ReadRepairedText(), pass.Names, pass.RootNamespaces, pass.RootBase);
        }

        foreach (var repair in repairs?.Describe(htmlEntitiesMayBeDeclared: prolog.HasDoctype) ?? [])
        {
            state.AddError(repair);
        }

        if (pass.Namespaces.Undeclared.Count > 0)
        {
            state.AddError(pass.Namespaces.Describe());
        }

        return state.Finish();
    }

    /// <summary>One reading pass: the format's parser over the whole document, strictly or with repairs, up to its end or its first break.</summary>
    private Pass ReadPass(bool repair, int summaryMaxLength, int maxItems, IFeedItemSink items)
    {
        var names = new NameTable();
        var namespaces = new LaxNamespaceManager(names);
        var repaired = repair ? document.OpenRepairedText(prolog, out _linesSkipped) : null;
        using var text = repaired ?? document.OpenText(prolog, out _linesSkipped);
        using var reader = XmlReader.Create(text, Settings, new XmlParserContext(names, namespaces, null, XmlSpace.None));
        try
        {
            reader.MoveToContent();
        }
        catch (XmlException ex) when (!repair)
        {
            return new Pass(null, (ex.LineNumber, ex.LinePosition), names, namespaces, [], null, null);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"The document is not well-formed XML before its root element: {ex.Message}", ex);
        }

        var state = new FeedParseState(DetectFormat(reader), context.SourceUri, summaryMaxLength, maxItems, errors, items);
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
            state.AddError($"The feed is malformed at line {ex.LineNumber + _linesSkipped}, position {ex.LinePosition}: {ex.Message}{lost} Kept the {state.ItemCount} item(s) read before the break.");
        }
        catch (ParseBudgetExceededException ex) when (!guard.ThrowOnFault)
        {
            state.AddError($"{ex.Message} Kept the {state.ItemCount} item(s) read before it stopped.");
        }

        return new Pass(state, broke, names, namespaces, rootNamespaces, rootBase, repaired?.Repairs);
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
        if (state.ItemCount > 0)
        {
            state.AddError($"Found no items where the {state.Format.ToWireName()} format puts them; read the {state.ItemCount} <item>/<entry> element(s) the document has by name alone.");
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
        using var text = document.OpenRepairedText(prolog, out _);
        return text.ReadToEnd();
    }

    /// <summary>What one reading pass left: its state (null if it broke before the root), where it broke, and what it needs to recover.</summary>
    private sealed record Pass(
        FeedParseState? State,
        (int Line, int Column)? Broke,
        XmlNameTable Names,
        LaxNamespaceManager Namespaces,
        List<(string Prefix, string Uri)> RootNamespaces,
        Uri? RootBase,
        TextRepairs? Repairs);

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
