namespace BotHost.Core.Feeds.Parsing;

/// <summary>RSS 0.91/0.92 and 2.0: &lt;rss version="…"&gt;&lt;channel&gt; with &lt;item&gt; children.</summary>
internal sealed class RssFeedParser(FeedParseState state)
{
    /// <summary>Reads the document from its &lt;rss&gt; root element.</summary>
    public void Parse(FeedElementReader reader)
    {
        // RSS 2.0 made the version attribute required; generators that omit it write 2.0.
        state.Version = reader.Reader.GetAttribute("version")?.Trim() ?? "2.0";

        // RSS has no namespace, but Forem (every dev.to feed) writes xmlns="default" on the root, and UserLand once
        // wrote its own: whatever default namespace the root declares, its channel and items are RSS.
        var rootNamespace = reader.Reader.NamespaceURI;
        if (rootNamespace is not ("" or FeedXml.UserlandRss2))
        {
            state.RssNamespace = rootNamespace;
            state.AddError($"The <rss> root declares the default namespace '{rootNamespace}', which RSS does not define; read its elements as RSS.");
        }

        // Some 0.9x generators put items beside the channel instead of inside it; the shared reader accepts both.
        new RssElements(state).ReadDocument(reader);
    }
}
