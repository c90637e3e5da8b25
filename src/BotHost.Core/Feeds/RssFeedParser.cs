using System.Xml;

namespace BotHost.Core.Feeds;

/// <summary>RSS 0.91/0.92 and 2.0: &lt;rss&gt;&lt;channel&gt; with &lt;item&gt; children.</summary>
internal sealed class RssFeedParser(FeedParseState state)
{
    /// <summary>Reads the document from its &lt;rss&gt; root element.</summary>
    public void Parse(XmlReader reader)
    {
        var baseUri = FeedUrls.ApplyXmlBase(reader, state.SourceUri);
        FeedXml.ForEachChild(reader, child =>
        {
            if (!FeedXml.IsRssCore(child))
            {
                return false;
            }

            switch (child.LocalName)
            {
                case "channel":
                    RssElements.ReadChannel(child, baseUri, state);
                    return true;
                case "item":
                    // Some 0.9x generators put items beside the channel instead of inside it.
                    state.AddItem(RssElements.ReadItem(child, baseUri));
                    return true;
                default:
                    return false;
            }
        });
    }
}
