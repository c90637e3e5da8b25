namespace BotHost.Core.Feeds.Parsing;

/// <summary>One item's fields as the document states them, before cleaning and fallbacks.</summary>
internal sealed class RawFeedItem
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public TextKind TitleKind { get; set; } = TextKind.LooseText;

    public Uri? Link { get; set; }

    /// <summary>A link from an id/guid that claims to be a permalink; used only when there is no link.</summary>
    public Uri? PermaLink { get; set; }

    public Uri? Comments { get; set; }

    public string? DateText { get; set; }

    /// <summary>Description or summary: the short form, preferred for <see cref="FeedItem.SummaryText"/>.</summary>
    public string? Summary { get; set; }

    public TextKind SummaryKind { get; set; } = TextKind.Html;

    /// <summary>Full content (content:encoded, atom:content, content_html): the fallback.</summary>
    public string? Content { get; set; }

    public TextKind ContentKind { get; set; } = TextKind.Html;

    /// <summary>Media RSS description (YouTube puts an entry's only description in media:group): the last resort for the summary.</summary>
    public string? MediaDescription { get; set; }

    public TextKind MediaDescriptionKind { get; set; } = TextKind.Text;

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
