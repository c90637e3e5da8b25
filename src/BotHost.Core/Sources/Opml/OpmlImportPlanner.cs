using BotHost.Core.Stories;

namespace BotHost.Core.Sources.Opml;

/// <summary>
/// Decides what an OPML import adds to the configured sources: feeds whose URL is not listed yet (so importing twice adds
/// nothing), with unique names (a clash gets the feed's host appended), and as topics only the folders and categories
/// the topic vocabulary knows; a feed listed in two folders is added once with both.
/// </summary>
public static class OpmlImportPlanner
{
    public static OpmlImportPlan Plan(IReadOnlyList<SourceDefinition> existing, OpmlDocument document, TopicVocabulary? vocabulary)
    {
        var listed = existing.GroupBy(s => Key(s.Location), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var names = new HashSet<string>(existing.Select(s => s.Name), StringComparer.Ordinal);
        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        var toAdd = new List<SourcesFileEntry>();
        var already = new List<string>();
        var notes = new List<string>(document.Notes);
        var unknownCategories = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var feed in document.Feeds)
        {
            var key = Key(feed.XmlUrl);
            if (listed.TryGetValue(key, out var listedAs))
            {
                already.Add($"{feed.Name} <{feed.XmlUrl}> (listed as \"{listedAs}\")");
                continue;
            }

            var topics = Topics(feed, vocabulary, unknownCategories);
            if (added.TryGetValue(key, out var index))
            {
                var first = toAdd[index];
                toAdd[index] = first with { Topics = [.. first.Topics.Union(topics, StringComparer.Ordinal)] };
                continue;
            }

            var name = UniqueName(feed, names);
            if (name != feed.Name)
            {
                notes.Add($"line {feed.Line}: the name \"{feed.Name}\" is taken; the feed is added as \"{name}\".");
            }

            added[key] = toAdd.Count;
            toAdd.Add(new SourcesFileEntry(name, feed.XmlUrl, feed.Weight, topics, feed.IntervalMinutes));
        }

        if (unknownCategories.Count > 0)
        {
            notes.Add(vocabulary is null
                ? $"no topics file is configured, so folders and categories ({string.Join(", ", unknownCategories)}) do not become topics."
                : $"folders and categories that are not topics in {vocabulary.Origin} were left out: {string.Join(", ", unknownCategories)}.");
        }

        return new OpmlImportPlan(toAdd, already, notes);
    }

    /// <summary>http(s) URLs compare as the URI parser normalises them (scheme and host case, default port); anything else as written.</summary>
    public static string Key(string location) =>
        Uri.TryCreate(location.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : location.Trim();

    private static List<string> Topics(OpmlFeed feed, TopicVocabulary? vocabulary, SortedSet<string> unknown)
    {
        var topics = new List<string>();
        foreach (var category in feed.Categories)
        {
            var topic = category.Trim().ToLowerInvariant();
            if (vocabulary?.Contains(topic) == true)
            {
                if (!topics.Contains(topic, StringComparer.Ordinal))
                {
                    topics.Add(topic);
                }
            }
            else
            {
                unknown.Add(category);
            }
        }

        return topics;
    }

    private static string UniqueName(OpmlFeed feed, HashSet<string> names)
    {
        var name = feed.Name;
        if (!names.Add(name))
        {
            var host = new Uri(feed.XmlUrl).Host;
            name = $"{feed.Name} ({host})";
            for (var n = 2; !names.Add(name); n++)
            {
                name = $"{feed.Name} ({host}) {n}";
            }
        }

        return name;
    }
}
