namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Passes on the items of a re-read after the ones an earlier read already delivered: the strict read stops at
/// the first fault, so every item it finished lies before that fault and comes again, first and in order.
/// </summary>
internal sealed class ResumingSink(IFeedItemSink target, int alreadyDelivered, bool begun) : IFeedItemSink
{
    private readonly int _skip = alreadyDelivered;
    private int _seen;

    /// <summary>Items the target has received over both reads.</summary>
    public int Delivered { get; private set; } = alreadyDelivered;

    public void Begin(FeedFormat format, string? title)
    {
        if (!begun)
        {
            begun = true;
            target.Begin(format, title);
        }
    }

    public void Add(FeedItem item)
    {
        if (++_seen <= _skip)
        {
            return;
        }

        Delivered++;
        target.Add(item);
    }
}
