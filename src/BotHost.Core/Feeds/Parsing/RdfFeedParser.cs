namespace BotHost.Core.Feeds.Parsing;

/// <summary>RSS 1.0 (and 0.90): &lt;rdf:RDF&gt; holding a &lt;channel&gt; and sibling &lt;item&gt; elements.</summary>
internal sealed class RdfFeedParser(FeedParseState state)
{
    /// <summary>Reads the document from its &lt;rdf:RDF&gt; root element.</summary>
    public void Parse(FeedElementReader reader)
    {
        // RSS 0.90 and 1.0 differ only in the default namespace of their elements.
        state.Version = reader.Reader.LookupNamespace(string.Empty) == FeedXml.Rss090 ? "0.90" : "1.0";
        new RssElements(state).ReadDocument(reader);
    }
}
