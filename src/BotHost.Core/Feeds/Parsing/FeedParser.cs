using System.Xml;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Reads RSS 0.9x/2.0, RDF (RSS 1.0), Atom 0.3/1.0 and JSON Feed 1.0/1.1 into <see cref="ParsedFeed"/>.
/// The format is detected here and nowhere else; each format has its own parser type.
/// </summary>
public sealed class FeedParser
{
    private readonly int _summaryMaxLength;

    public FeedParser(int summaryMaxLength = 280)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(summaryMaxLength, 1);
        _summaryMaxLength = summaryMaxLength;
    }

    /// <summary>
    /// Whether a fault of the parser itself (a handler that claims an element without reading it, a runaway loop)
    /// throws <see cref="ParserFaultException"/> instead of being skipped and recorded in the errors. On in debug
    /// builds and in tests, so such a fault is found rather than quietly worked around.
    /// </summary>
    internal bool ThrowOnParserFault { get; init; } =
#if DEBUG
        true;
#else
        false;
#endif

    /// <summary>Parses a whole document held in memory (a fetched body).</summary>
    /// <exception cref="NotAFeedException">The document is an HTML page; lists the feeds it advertises.</exception>
    /// <exception cref="FeedFormatException">Empty, binary, not XML/JSON, an unknown root, or broken before the root.</exception>
    /// <param name="cancellationToken">Checked while reading, so a caller's deadline also ends a long parse.</param>
    public ParsedFeed Parse(byte[] content, FeedParseContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        return Parse(new ArraySegment<byte>(content), context, cancellationToken);
    }

    /// <summary>Parses a document read from <paramref name="content"/> (to its end; the caller caps its size).</summary>
    /// <inheritdoc cref="Parse(byte[], FeedParseContext, CancellationToken)" path="/exception"/>
    /// <inheritdoc cref="Parse(byte[], FeedParseContext, CancellationToken)" path="/param[@name='cancellationToken']"/>
    public ParsedFeed Parse(Stream content, FeedParseContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        if (content is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            return Parse(buffer[(int)memory.Position..], context, cancellationToken);
        }

        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return Parse(new ArraySegment<byte>(copy.GetBuffer(), 0, (int)copy.Length), context, cancellationToken);
    }

    private ParsedFeed Parse(ArraySegment<byte> data, FeedParseContext context, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var guard = new ParseGuard(data.Count, ThrowOnParserFault, errors, cancellationToken);
        var document = FeedDocument.Open(data, context.ContentType, errors);
        if (document.Syntax == FeedSyntax.Json)
        {
            var state = new FeedParseState(FeedFormat.JsonFeed, context.SourceUri, _summaryMaxLength, errors);
            new JsonFeedParser(state).Parse(document.Utf8Bytes().Span);
            return state.ToParsedFeed();
        }

        var prolog = XmlProlog.Scan(document.Head);
        if (prolog.IsHtml)
        {
            throw HtmlPage(document, context);
        }

        if (prolog.DeclaresEntities)
        {
            throw new FeedFormatException(
                "The document declares entities in its DOCTYPE; entity declarations are refused (entity-expansion and external-entity attacks).");
        }

        return ParseXml(document, context, errors, guard);
    }

    private ParsedFeed ParseXml(FeedDocument document, FeedParseContext context, List<string> errors, ParseGuard guard)
    {
        using var reader = document.CreateXmlReader();
        try
        {
            reader.MoveToContent();
        }
        catch (XmlException ex)
        {
            if (document.Head.Contains("<html", StringComparison.OrdinalIgnoreCase))
            {
                throw HtmlPage(document, context);
            }

            throw new FeedFormatException($"The document is not well-formed XML before its root element: {ex.Message}", ex);
        }

        var state = new FeedParseState(DetectFormat(reader, document, context), context.SourceUri, _summaryMaxLength, errors);
        var elements = new FeedElementReader(reader, guard);
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
        }
        catch (XmlException ex)
        {
            state.AddError($"The feed is malformed at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message} Kept the {state.Items.Count} item(s) read before the break.");
        }
        catch (ParseBudgetExceededException ex) when (!guard.ThrowOnFault)
        {
            state.AddError($"{ex.Message} Kept the {state.Items.Count} item(s) read before it stopped.");
        }

        return state.ToParsedFeed();
    }

    private static FeedFormat DetectFormat(XmlReader root, FeedDocument document, FeedParseContext context)
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
                throw HtmlPage(document, context);
            default:
                throw new FeedFormatException(
                    $"The XML root element <{root.Name}> (namespace '{root.NamespaceURI}') is not a feed; expected <rss>, <rdf:RDF> or <feed>.");
        }
    }

    private static NotAFeedException HtmlPage(FeedDocument document, FeedParseContext context)
    {
        var feeds = HtmlFeedLinks.Find(document.DecodeAll(), context.SourceUri);
        var message = feeds.Count == 0
            ? "The document is an HTML page, not a feed, and it advertises no feed (<link rel=\"alternate\">)."
            : $"The document is an HTML page, not a feed; it advertises {feeds.Count} feed(s): {string.Join(", ", feeds)}.";
        return new NotAFeedException(message, feeds);
    }
}
