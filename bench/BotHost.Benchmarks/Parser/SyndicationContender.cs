using System.ServiceModel.Syndication;
using System.Xml;

namespace BotHost.Benchmarks.Parser;

/// <summary><c>SyndicationFeed.Load</c> (RSS 2.0 and Atom 1.0 only), then the fields BotHost reads.</summary>
public sealed class SyndicationContender : FeedContender
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };

    public override string Name => "SyndicationFeed.Load";

    public override string Key => "syndication";

    public override bool Reads(CorpusFormat format) => format is CorpusFormat.Rss2 or CorpusFormat.Atom;

    public override int Parse(byte[] document, CorpusFormat format)
    {
        using var reader = XmlReader.Create(new MemoryStream(document, writable: false), Settings);
        var feed = SyndicationFeed.Load(reader);
        var touched = 0L;
        var count = 0;
        foreach (var item in feed.Items)
        {
            count++;
            touched += (item.Id?.Length ?? 0) + (item.Title?.Text.Length ?? 0) + (item.Links.FirstOrDefault()?.Uri.OriginalString.Length ?? 0)
                + (item.Summary?.Text.Length ?? 0) + ((item.Content as TextSyndicationContent)?.Text.Length ?? 0)
                + item.Categories.Sum(c => c.Name?.Length ?? 0) + item.PublishDate.Offset.Minutes + item.LastUpdatedTime.Offset.Minutes;
        }

        return touched >= 0 ? count : -1;
    }
}
