using CodeHollow.FeedReader;

namespace BotHost.Benchmarks.Parser;

/// <summary><c>CodeHollow.FeedReader</c>'s <c>ReadFromByteArray</c>, then the fields BotHost reads.</summary>
public sealed class CodeHollowContender : FeedContender
{
    public override string Name => "CodeHollow.FeedReader";

    public override string Key => "codehollow";

    public override bool Reads(CorpusFormat format) => format is not CorpusFormat.JsonFeed;

    public override int Parse(byte[] document, CorpusFormat format)
    {
        var feed = FeedReader.ReadFromByteArray(document);
        var touched = 0L;
        foreach (var item in feed.Items)
        {
            touched += (item.Id?.Length ?? 0) + (item.Title?.Length ?? 0) + (item.Link?.Length ?? 0) + (item.Description?.Length ?? 0)
                + (item.Content?.Length ?? 0) + item.Categories.Sum(c => c.Length) + (item.PublishingDate?.Minute ?? 0);
        }

        return touched >= 0 ? feed.Items.Count : -1;
    }
}
