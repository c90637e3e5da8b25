using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>What one parse has collected so far; kept outside the format parsers so a break mid-document loses nothing read.</summary>
internal sealed class FeedParseState(FeedFormat format, Uri? sourceUri, int summaryMaxLength, int maxItems, List<string> errors, IFeedItemSink sink)
{
    private const int TitleFromSummaryLength = 100;

    /// <summary>Longer titles are cut: no real headline is this long, and title matching is not linear in it.</summary>
    public const int MaxTitleLength = 512;

    private bool _itemLimitReported;
    private bool _begun;
    private readonly List<string> _errors = errors;
    private int _seen;

    public FeedFormat Format { get; set; } = format;

    public Uri? SourceUri { get; } = sourceUri;

    /// <summary>Summaries are cut at a word boundary to this many characters (Feeds:SummaryMaxLength).</summary>
    public int SummaryMaxLength { get; } = summaryMaxLength;

    public string? Version { get; set; }

    public string? Title { get; set; }

    public Uri? SiteUrl { get; set; }

    /// <summary>The namespace of the &lt;rss&gt; root: RSS has none, but its elements are read in whatever default namespace the root declares.</summary>
    public string RssNamespace { get; set; } = string.Empty;

    /// <summary>When set (recovering a document whose items sat in no namespace the format defines), format elements are matched by local name alone.</summary>
    public bool AnyNamespace { get; set; }

    /// <summary>
    /// The base for relative links outside any xml:base: the document's own http(s) location, else (a saved file, no
    /// location) the channel's or feed's link, as a reader would, else whatever location there is.
    /// </summary>
    public Uri? DocumentBase => SourceUri is { Scheme: "http" or "https" } ? SourceUri
        : SiteUrl is { Scheme: "http" or "https" } ? SiteUrl : SourceUri;

    /// <summary>How many items were kept and handed to the sink.</summary>
    public int ItemCount { get; private set; }

    /// <summary>How many item elements were met, whether kept or not.</summary>
    public int Seen => _seen;

    public void AddError(string error) => _errors.Add(error);

    /// <summary>
    /// Cleans one item, applies the title and id fallbacks and keeps it. Only an item with no title, no link and no
    /// text is skipped (with an error); one without a link is kept, and the pipeline decides what it can post.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    public void AddItem(RawFeedItem raw)
    {
        _seen++;
        if (ItemCount >= maxItems)
        {
            if (!_itemLimitReported)
            {
                _itemLimitReported = true;
                _errors.Add($"The feed has more than {maxItems} items (Feeds:MaxItemsPerFeed); the rest were skipped.");
            }

            return;
        }

        var title = FeedText.Title(raw.Title, raw.TitleKind);
        if (title.Length > MaxTitleLength)
        {
            title = HtmlText.Truncate(title, MaxTitleLength);
        }

        var link = raw.Link ?? raw.PermaLink;
        var summary = FirstNonEmpty(raw.SummaryText, raw.ContentText, raw.MediaText);

        if (title.Length == 0 && link is null && summary.Length == 0)
        {
            _errors.Add($"Item {_seen} skipped: it has neither a title nor a link, and no text.");
            return;
        }

        if (title.Length == 0)
        {
            title = summary.Length > 0 ? HtmlText.Truncate(summary, TitleFromSummaryLength) : link!;
        }

        DateTimeOffset? published = null;
        if (!string.IsNullOrWhiteSpace(raw.DateText))
        {
            if (FeedDates.TryParse(raw.DateText, out var date))
            {
                published = date;
            }
            else
            {
                _errors.Add($"Item {_seen} ('{HtmlText.Truncate(title, 60)}'): unparseable date '{HtmlText.Truncate(raw.DateText.Trim(), 60)}', left empty.");
            }
        }

        var id = raw.Id?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            id = link ?? StableHash(title, published, raw.DateText);
        }

        Begin();
        ItemCount++;
        sink.Add(new FeedItem(id, title, link, raw.Comments, published, summary, raw.Categories));
    }

    /// <summary>What the parse found besides its items; tells a sink that saw no item the format and title too.</summary>
    public StreamedFeed Finish()
    {
        Begin();
        return new StreamedFeed(Format, Title, SiteUrl?.AbsoluteUri, ItemCount, _errors.ToArray(), Version);
    }

    private void Begin()
    {
        if (!_begun)
        {
            _begun = true;
            sink.Begin(Format, Title);
        }
    }

    private static string FirstNonEmpty(string? first, string? second, string? third) =>
        !string.IsNullOrEmpty(first) ? first : !string.IsNullOrEmpty(second) ? second : third ?? string.Empty;

    /// <summary>Same title and date give the same id on every fetch, so an item without guid or link is still deduped.</summary>
    private static string StableHash(string title, DateTimeOffset? published, string? dateText)
    {
        var date = published?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? dateText?.Trim() ?? string.Empty;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + date));
        return "sha256:" + Convert.ToHexStringLower(hash);
    }
}
