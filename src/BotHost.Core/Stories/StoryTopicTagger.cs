using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds;
using BotHost.Core.Storage;

namespace BotHost.Core.Stories;

/// <summary>
/// Tags a story with every vocabulary topic one of its items matches, keeping the keyword that matched, so
/// subscriptions can follow topics, digests can show them and /explain can name the term.
/// </summary>
public sealed class StoryTopicTagger(TopicFilter topics, StoryStore stories)
{
    /// <param name="sourceTopics">The source's own topics: a tag feed stamps them as categories on every item, so they are not evidence.</param>
    public async Task TagAsync(TransactionCommands sql, long storyId, FeedItem item, IReadOnlyList<string> sourceTopics, CancellationToken cancellationToken)
    {
        var matches = Match(item, sourceTopics);
        if (matches.Count > 0)
        {
            await stories.AddTopicsAsync(sql, storyId, matches, cancellationToken);
        }
    }

    /// <summary>(topic, matched keyword) for each topic the item matches, in vocabulary order.</summary>
    public IReadOnlyList<(string Topic, string Term)> Match(FeedItem item, IReadOnlyList<string> sourceTopics)
    {
        if (topics.Vocabulary is not { } vocabulary)
        {
            return [];
        }

        var text = TopicText.Of(item, sourceTopics, indexWords: true);
        var result = new List<(string, string)>();
        foreach (var topic in vocabulary.Topics)
        {
            if (vocabulary.FirstMatch(topic, text) is { } term)
            {
                result.Add((topic, term));
            }
        }

        return result;
    }
}
