namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Reads RSS 0.9x/2.0, RDF (RSS 1.0), Atom 0.3/1.0 and JSON Feed 1.0/1.1 into <see cref="ParsedFeed"/>.
/// The format is detected here and nowhere else; each format has its own parser type.
/// </summary>
public sealed class FeedParser
{
    private readonly int _summaryMaxLength;
    private readonly int _maxItems;

    /// <param name="summaryMaxLength">Summaries are cut at a word boundary to this many characters (Feeds:SummaryMaxLength).</param>
    /// <param name="maxItems">Items past this many are skipped with one error (Feeds:MaxItemsPerFeed).</param>
    public FeedParser(int summaryMaxLength = 280, int maxItems = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(summaryMaxLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        _summaryMaxLength = summaryMaxLength;
        _maxItems = maxItems;
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
            var state = new FeedParseState(FeedFormat.JsonFeed, context.SourceUri, _summaryMaxLength, _maxItems, errors);
            new JsonFeedParser(state, guard).Parse(document.Utf8Bytes().Span);
            return state.ToParsedFeed();
        }

        var prolog = XmlProlog.Scan(document.Head);
        if (prolog.IsHtml)
        {
            throw NotAFeedException.ForHtmlPage(document.DecodeAll(), context.SourceUri);
        }

        if (prolog.DeclaresEntities)
        {
            throw new FeedFormatException(
                "The document declares entities in its DOCTYPE; entity declarations are refused (entity-expansion and external-entity attacks).");
        }

        return new XmlFeedReader(document, prolog, context, guard, errors).Read(_summaryMaxLength, _maxItems);
    }
}
