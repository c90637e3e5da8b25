namespace BotHost.Core.Feeds.Parsing;

/// <summary>One item's fields as the document states them, before cleaning and fallbacks.</summary>
internal sealed class RawFeedItem
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public TextKind TitleKind { get; set; } = TextKind.LooseText;

    /// <summary>The absolute article link (<see cref="Uri.AbsoluteUri"/> form), or null.</summary>
    public string? Link { get; set; }

    /// <summary>A link from an id/guid that claims to be a permalink; used only when there is no link.</summary>
    public string? PermaLink { get; set; }

    public string? Comments { get; set; }

    public string? DateText { get; set; }

    /// <summary>
    /// The description or summary as plain text, already cut to the summary length: the short form, preferred for
    /// <see cref="FeedItem.SummaryText"/>. Summaries are made while reading so long bodies are never kept whole.
    /// </summary>
    public string? SummaryText { get; set; }

    /// <summary>The full content (content:encoded, atom:content, content_html) as a cut summary: the fallback, read only when no summary came first.</summary>
    public string? ContentText { get; set; }

    /// <summary>Media RSS description (YouTube puts an entry's only description in media:group) as a cut summary: the last resort.</summary>
    public string? MediaText { get; set; }

    /// <summary>True once the item has a summary, so a later full body need not be read.</summary>
    public bool HasSummary => !string.IsNullOrEmpty(SummaryText);

    public List<string> Categories { get; } = [];

    /// <summary>More categories than this on one item are ignored.</summary>
    public const int MaxCategories = 32;

    public void AddCategory(string? text)
    {
        if (Categories.Count >= MaxCategories)
        {
            return;
        }

        var category = FeedText.Title(text, TextKind.LooseText);
        if (category.Length > 0 && !Categories.Contains(category))
        {
            Categories.Add(category);
        }
    }
}
