using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Stories;

/// <summary>The words of an item that topic keywords are looked for in; title, summary and each category apart, so a phrase never spans two of them.</summary>
internal sealed class TopicText
{
    private readonly List<List<string>> _segments;

    private TopicText(List<List<string>> segments) => _segments = segments;

    public static TopicText Of(string text) => new([TopicKeyword.Split(text)]);

    /// <param name="ownTopics">
    /// Categories equal to one of these are skipped: a tag feed (dev.to/feed/tag/backend) stamps its own tag on
    /// every item, so that category says nothing about whether the item is on topic.
    /// </param>
    public static TopicText Of(FeedItem item, IReadOnlyList<string> ownTopics)
    {
        var segments = new List<List<string>> { TopicKeyword.Split(item.Title ?? string.Empty), TopicKeyword.Split(item.SummaryText ?? string.Empty) };
        foreach (var category in item.Categories ?? [])
        {
            if (!ownTopics.Any(t => string.Equals(t.Trim(), category.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                segments.Add(TopicKeyword.Split(category));
            }
        }

        return new TopicText(segments);
    }

    public bool Contains(TopicKeyword keyword) => _segments.Exists(keyword.IsIn);
}
