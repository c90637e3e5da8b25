namespace BotHost.Core.Feeds.Parsing;

/// <summary>The sink behind <see cref="ParsedFeed"/>: keeps every item.</summary>
internal sealed class FeedItemList : IFeedItemSink
{
    public List<FeedItem> Items { get; } = [];

    public void Begin(FeedFormat format, string? title)
    {
    }

    public void Add(FeedItem item) => Items.Add(item);
}
