using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Stories;

/// <summary>The words of an item that topic keywords are looked for in; title, summary and each category apart, so a phrase never spans two of them.</summary>
internal sealed class TopicText
{
    private readonly List<List<string>> _segments;

    // What a keyword's first word can be if it matches here (every word's singular forms, and the first letters a
    // stem must start with), so most keywords are ruled out by one lookup instead of a scan of every word. Built for
    // an item checked against the whole vocabulary; a text checked against one topic's keywords scans at once.
    private readonly HashSet<string>? _singulars;
    private readonly HashSet<string>? _stemStarts;

    private TopicText(List<List<string>> segments, bool indexWords)
    {
        _segments = segments;
        if (!indexWords)
        {
            return;
        }

        _singulars = new HashSet<string>(StringComparer.Ordinal);
        _stemStarts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in segments.SelectMany(s => s))
        {
            _singulars.Add(word);
            if (word.EndsWith('s'))
            {
                _singulars.Add(word[..^1]);
                if (word.EndsWith("es", StringComparison.Ordinal))
                {
                    _singulars.Add(word[..^2]);
                }

                if (word.EndsWith("ies", StringComparison.Ordinal))
                {
                    _singulars.Add(word[..^3] + "y");
                }
            }

            if (word.Length >= TopicKeyword.MinStemLength)
            {
                _stemStarts.Add(word[..TopicKeyword.MinStemLength]);
            }
        }
    }

    public static TopicText Of(string text) => new([TopicKeyword.Split(text)], indexWords: false);

    /// <param name="ownTopics">
    /// Categories equal to one of these are skipped: a tag feed (dev.to/feed/tag/backend) stamps its own tag on
    /// every item, so that category says nothing about whether the item is on topic.
    /// </param>
    /// <param name="indexWords">True when most of a vocabulary's keywords will be looked for (tagging an item with every topic).</param>
    public static TopicText Of(FeedItem item, IReadOnlyList<string> ownTopics, bool indexWords = false)
    {
        var segments = new List<List<string>> { TopicKeyword.Split(item.Title ?? string.Empty), TopicKeyword.Split(item.SummaryText ?? string.Empty) };
        foreach (var category in item.Categories ?? [])
        {
            if (!ownTopics.Any(t => string.Equals(t.Trim(), category.Trim(), StringComparison.OrdinalIgnoreCase)))
            {
                segments.Add(TopicKeyword.Split(category));
            }
        }

        return new TopicText(segments, indexWords);
    }

    public bool Contains(TopicKeyword keyword) => MayContain(keyword) && _segments.Exists(keyword.IsIn);

    private bool MayContain(TopicKeyword keyword) =>
        _singulars is null || _stemStarts is null
        || (keyword.FirstWordIsStem ? _stemStarts.Contains(keyword.FirstWord[..TopicKeyword.MinStemLength]) : _singulars.Contains(keyword.FirstWord));
}
