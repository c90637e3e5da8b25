namespace BotHost.Core.Feeds.Parsing;

/// <summary>The syndication formats BotHost reads. Names map to inspect-feed's "format" values.</summary>
public enum FeedFormat
{
    Rss2,
    Rss09x,
    Rdf,
    Atom10,
    Atom03,
    JsonFeed,
}
