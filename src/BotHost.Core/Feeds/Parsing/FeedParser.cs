namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Reads RSS 0.9x/2.0, RDF (RSS 1.0), Atom 0.3/1.0 and JSON Feed 1.0/1.1 into <see cref="ParsedFeed"/>.
/// The format is detected here and nowhere else; each format has its own parser type.
/// </summary>
/// <remarks>
/// The methods that run once per element or item carry MethodImplOptions.AggressiveOptimization: compiled optimized
/// at once, they skip the tier-0 and instrumented tiers that made one cold run over a 60 MB feed (inspect-feed)
/// about a third slower, and measured no slower once warm (bench/README.md).
/// </remarks>
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
        using var stream = new MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true);
        return Parse(stream, context, cancellationToken);
    }

    /// <summary>Parses a document read from <paramref name="content"/> (to its end; the caller caps its size).</summary>
    /// <inheritdoc cref="Parse(byte[], FeedParseContext, CancellationToken)" path="/exception"/>
    /// <inheritdoc cref="Parse(byte[], FeedParseContext, CancellationToken)" path="/param[@name='cancellationToken']"/>
    public ParsedFeed Parse(Stream content, FeedParseContext context, CancellationToken cancellationToken = default)
    {
        var items = new FeedItemList();
        var feed = Parse(content, context, items, cancellationToken);
        return new ParsedFeed(feed.Format, feed.Title, feed.SiteUrl, items.Items, feed.Errors, feed.Version);
    }

    /// <summary>
    /// Parses a document and hands each item to <paramref name="items"/> as it is read instead of keeping it, so a
    /// large feed on a seekable stream (a file) is never held whole: memory stays flat whatever its size.
    /// </summary>
    /// <inheritdoc cref="Parse(byte[], FeedParseContext, CancellationToken)" path="/exception"/>
    /// <inheritdoc cref="Parse(byte[], FeedParseContext, CancellationToken)" path="/param[@name='cancellationToken']"/>
    public StreamedFeed Parse(Stream content, FeedParseContext context, IFeedItemSink items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        if (!content.CanSeek)
        {
            // Reading passes start over (the lenient re-read), so a forward-only stream is read into memory first.
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            copy.Position = 0;
            return Read(copy, context, items, cancellationToken);
        }

        return Read(content, context, items, cancellationToken);
    }

    private StreamedFeed Read(Stream content, FeedParseContext context, IFeedItemSink items, CancellationToken cancellationToken)
    {
        // The guard checks the token every few thousand steps; a small feed would be read whole before the first check.
        cancellationToken.ThrowIfCancellationRequested();
        var errors = new List<string>();
        var document = FeedDocument.Open(content, context.ContentType, errors);
        var guard = new ParseGuard(document.Length, ThrowOnParserFault, errors, cancellationToken);
        if (document.Syntax == FeedSyntax.Json)
        {
            var state = new FeedParseState(FeedFormat.JsonFeed, context.SourceUri, _summaryMaxLength, _maxItems, errors, items);
            new JsonFeedParser(state, guard).Parse(document.Utf8Bytes().Span);
            return state.Finish();
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

        return new XmlFeedReader(document, prolog, context, guard, errors).Read(_summaryMaxLength, _maxItems, items);
    }
}
