using System.Collections.Concurrent;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Sources;
using Microsoft.Extensions.Logging;

namespace BotHost.Core.Stories;

/// <summary>
/// Drops items of a topical source (one whose definition lists topics) that match none of its topics'
/// keywords. It never drops because of configuration: no topics file, no topics on the source, or a topic the
/// vocabulary does not know (a typo) all mean "keep", with a warning logged once.
/// </summary>
public sealed class TopicFilter
{
    public const string OffTopicReason = "off-topic";

    private readonly TopicVocabulary? _vocabulary;
    private readonly ILogger<TopicFilter> _logger;
    private readonly ConcurrentDictionary<string, bool> _reportedUnknown = new(StringComparer.Ordinal);

    /// <param name="vocabulary">Null means there is no vocabulary: nothing is filtered.</param>
    public TopicFilter(TopicVocabulary? vocabulary, ILogger<TopicFilter> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _vocabulary = vocabulary;
        _logger = logger;
    }

    public TopicVocabulary? Vocabulary => _vocabulary;

    /// <summary>Loads <paramref name="path"/>; a missing file logs a warning and filters nothing, a malformed one throws <see cref="TopicsFileException"/>.</summary>
    public static TopicFilter FromFile(string path, ILogger<TopicFilter> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var vocabulary = TopicVocabulary.Load(path);
        if (vocabulary is null)
        {
            CurationLog.TopicsFileMissing(logger, path);
        }
        else
        {
            CurationLog.TopicsLoaded(logger, path, vocabulary.Topics.Count, string.Join(", ", vocabulary.Topics));
        }

        return new TopicFilter(vocabulary, logger);
    }

    public CurationVerdict Judge(FeedItem item, IReadOnlyList<string> sourceTopics)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(sourceTopics);
        if (_vocabulary is null || sourceTopics.Count == 0)
        {
            return CurationVerdict.Kept;
        }

        // An undefined topic could cover anything, so one typo keeps the whole source unfiltered rather than
        // dropping what the operator meant to follow.
        var unknown = false;
        foreach (var topic in sourceTopics)
        {
            if (!_vocabulary.Contains(topic))
            {
                unknown = true;
                if (_reportedUnknown.TryAdd(TopicVocabulary.Normalize(topic), true))
                {
                    CurationLog.UnknownTopic(_logger, topic, _vocabulary.Origin, string.Join(", ", _vocabulary.Topics));
                }
            }
        }

        if (unknown)
        {
            return CurationVerdict.Kept;
        }

        var text = TopicText.Of(item, sourceTopics);
        foreach (var topic in sourceTopics)
        {
            if (_vocabulary.FirstMatch(topic, text) is not null)
            {
                return CurationVerdict.Kept;
            }
        }

        var label = string.IsNullOrWhiteSpace(item.Title) ? item.SummaryText : item.Title;
        return CurationVerdict.Drop(OffTopicReason, $"\"{Excerpt(label.Trim())}\" matches none of this source's topics ({string.Join(", ", sourceTopics)}).");
    }

    /// <summary>Logs each source topic the vocabulary does not define and returns them as (source, topic); call it at start so a typo is reported before any item.</summary>
    public IReadOnlyList<(string Source, string Topic)> ReportUnknownTopics(IEnumerable<SourceDefinition> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var found = new List<(string, string)>();
        if (_vocabulary is null)
        {
            return found;
        }

        foreach (var source in sources)
        {
            foreach (var topic in source.Topics.Where(t => !_vocabulary.Contains(t)))
            {
                found.Add((source.Name, topic));
                _reportedUnknown.TryAdd(TopicVocabulary.Normalize(topic), true);
                CurationLog.UnknownSourceTopic(_logger, source.Name, topic, _vocabulary.Origin, string.Join(", ", _vocabulary.Topics));
            }
        }

        return found;
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
