using System.Security.Cryptography;
using System.Text;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>What one parse has collected so far; kept outside the format parsers so a break mid-document loses nothing read.</summary>
internal sealed class FeedParseState(FeedFormat format, Uri? sourceUri, int summaryMaxLength, List<string> errors)
{
    private const int TitleFromSummaryLength = 100;

    /// <summary>Longer titles are cut: no real headline is this long, and title matching is not linear in it.</summary>
    public const int MaxTitleLength = 512;

    /// <summary>Items past this are skipped with one error: a feed is a recent list, not an archive.</summary>
    public const int MaxItems = 1000;

    private readonly List<FeedItem> _items = [];
    private bool _itemLimitReported;
    private readonly List<string> _errors = errors;
    private int _seen;

    public FeedFormat Format { get; set; } = format;

    public Uri? SourceUri { get; } = sourceUri;

    public string? Version { get; set; }

    public string? Title { get; set; }

    public Uri? SiteUrl { get; set; }

    public IReadOnlyList<FeedItem> Items => _items;

    /// <summary>Checked once per item (<see cref="FeedParseContext.Cancellation"/>).</summary>
    public CancellationToken Cancellation { get; init; }

    public void AddError(string error) => _errors.Add(error);

    /// <summary>Cleans one item, applies the id fallbacks and keeps it; skips it (with an error) when it has no title and no link.</summary>
    public void AddItem(RawFeedItem raw)
    {
        Cancellation.ThrowIfCancellationRequested();
        _seen++;
        if (_items.Count >= MaxItems)
        {
            if (!_itemLimitReported)
            {
                _itemLimitReported = true;
                _errors.Add($"The feed has more than {MaxItems} items; the rest were skipped.");
            }

            return;
        }

        var title = HtmlText.ToPlainText(raw.Title);
        if (title.Length > MaxTitleLength)
        {
            title = HtmlText.Truncate(title, MaxTitleLength);
        }

        var link = raw.Link ?? raw.PermaLink;
        var summary = HtmlText.Summarize(raw.Summary, summaryMaxLength);
        if (summary.Length == 0)
        {
            summary = HtmlText.Summarize(raw.Content, summaryMaxLength);
        }

        if (title.Length == 0 && link is null)
        {
            _errors.Add($"Item {_seen} skipped: it has neither a title nor a link.");
            return;
        }

        if (title.Length == 0)
        {
            title = summary.Length > 0 ? HtmlText.Truncate(summary, TitleFromSummaryLength) : link!.AbsoluteUri;
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
            id = link?.AbsoluteUri ?? StableHash(title, published, raw.DateText);
        }

        _items.Add(new FeedItem(id, title, link?.AbsoluteUri, raw.Comments?.AbsoluteUri, published, summary, raw.Categories));
    }

    public ParsedFeed ToParsedFeed() =>
        new(Format, Title, SiteUrl?.AbsoluteUri, _items.ToArray(), _errors.ToArray(), Version);

    /// <summary>Same title and date give the same id on every fetch, so an item without guid or link is still deduped.</summary>
    private static string StableHash(string title, DateTimeOffset? published, string? dateText)
    {
        var date = published?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? dateText?.Trim() ?? string.Empty;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + date));
        return "sha256:" + Convert.ToHexStringLower(hash);
    }
}
