namespace BotHost.Core.Feeds.Parsing;

/// <summary>The stable names inspect-feed prints for "format"; they are part of the CLI's output contract.</summary>
public static class FeedFormatNames
{
    public static string ToWireName(this FeedFormat format) => format switch
    {
        FeedFormat.Rss2 => "rss2",
        FeedFormat.Rss09x => "rss09x",
        FeedFormat.Rdf => "rdf",
        FeedFormat.Atom10 => "atom10",
        FeedFormat.Atom03 => "atom03",
        FeedFormat.JsonFeed => "jsonfeed",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown feed format."),
    };
}
