using System.Xml;

namespace BotHost.Core.Feeds;

/// <summary>RSS 1.0 (and 0.90): &lt;rdf:RDF&gt; holding a &lt;channel&gt; and sibling &lt;item&gt; elements.</summary>
internal sealed class RdfFeedParser(FeedParseState state)
{
    /// <summary>Reads the document from its &lt;rdf:RDF&gt; root element.</summary>
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
                    state.AddItem(RssElements.ReadItem(child, baseUri));
                    return true;
                default:
                    return false;
            }
        });
    }
}
