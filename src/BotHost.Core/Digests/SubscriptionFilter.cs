using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using BotHost.Core.Stories;
using BotHost.Core.Subscriptions;

namespace BotHost.Core.Digests;

/// <summary>
/// Decides whether a story belongs in a subscription's digest, checking in order: backlog, topics, sources,
/// muted sources, include keywords, exclude keywords, include pattern, exclude pattern. Keywords match whole
/// words like topic keywords do (plurals, "stem*"); patterns run with a timeout, and one that times out drops
/// nothing it was meant to keep.
/// </summary>
public sealed class SubscriptionFilter(SubscriptionRules rules)
{
    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public FilterVerdict Judge(Subscription subscription, StoryForDigest story)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(story);
        if (story.IsBacklog)
        {
            return FilterVerdict.Drop("backlog", "it came with its source's first fetch (backlog), which is never posted.");
        }

        var matched = story.Topics;
        if (subscription.Topics.Count > 0)
        {
            var wanted = new HashSet<string>(subscription.Topics.Select(t => t.Trim().ToLowerInvariant()), StringComparer.Ordinal);
            matched = [.. story.Topics.Where(t => wanted.Contains(t.Topic))];
            if (matched.Count == 0)
            {
                var has = story.Topics.Count == 0 ? "it has no topic tags" : "its topics are " + string.Join(", ", story.Topics.Select(t => t.Topic));
                return FilterVerdict.Drop("topics", $"it matches none of the subscription's topics ({string.Join(", ", subscription.Topics)}); {has}.");
            }
        }

        var sources = story.Sources;
        if (subscription.Sources.Count > 0 && !sources.Any(s => subscription.Sources.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            return FilterVerdict.Drop("sources", $"only {string.Join(", ", sources)} had it, and the subscription follows {string.Join(", ", subscription.Sources)}.");
        }

        if (sources.Count > 0 && sources.All(s => subscription.MutedSources.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            return FilterVerdict.Drop("muted", $"every source that had it is muted here ({string.Join(", ", sources)}).");
        }

        var text = TopicText.Of(story.Title + "\n" + story.SummaryText);
        if (subscription.IncludeKeywords.Count > 0 && FirstKeyword(subscription.IncludeKeywords, text) is null)
        {
            return FilterVerdict.Drop("include-keywords", $"none of the keywords it must have appear ({string.Join(", ", subscription.IncludeKeywords)}).");
        }

        if (FirstKeyword(subscription.ExcludeKeywords, text) is { } excluded)
        {
            return FilterVerdict.Drop("exclude-keywords", $"it contains the excluded keyword \"{excluded}\".");
        }

        var plain = story.Title + "\n" + story.SummaryText;
        if (subscription.IncludePattern is { Length: > 0 } include && Matches(include, plain) is not true and var included)
        {
            return FilterVerdict.Drop("include-pattern", included is null
                ? $"the include pattern /{include}/ took longer than {rules.PatternTimeout.TotalMilliseconds} ms and was given up."
                : $"it does not match the include pattern /{include}/.");
        }

        if (subscription.ExcludePattern is { Length: > 0 } exclude && Matches(exclude, plain) is true)
        {
            return FilterVerdict.Drop("exclude-pattern", $"it matches the exclude pattern /{exclude}/.");
        }

        var why = matched.Count == 0
            ? "the subscription follows all topics"
            : "topics " + string.Join(", ", matched.Select(t => $"{t.Topic} (\"{t.MatchedTerm}\")"));
        return FilterVerdict.Keep(matched, $"it matches: {why}.");
    }

    private static string? FirstKeyword(IReadOnlyList<string> keywords, TopicText text)
    {
        foreach (var keyword in keywords)
        {
            if (TopicKeyword.TryParse(keyword, out _) is { } parsed && text.Contains(parsed))
            {
                return keyword;
            }
        }

        return null;
    }

    /// <summary>True or false, or null when the pattern is invalid or timed out.</summary>
    private bool? Matches(string pattern, string text)
    {
        try
        {
            var regex = _patterns.GetOrAdd(pattern, p => SubscriptionRules.CreateRegex(p, rules.PatternTimeout));
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
