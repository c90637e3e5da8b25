namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Media RSS (https://www.rssboard.org/media-rss): &lt;media:description&gt; directly in an item or entry, or inside
/// &lt;media:group&gt; / &lt;media:content&gt;. YouTube's Atom feed keeps an entry's only description there.
/// </summary>
internal static class MediaDescription
{
    /// <summary>Reads the media element the reader is on and keeps the first description found in it.</summary>
    public static void Read(FeedElementReader element, RawFeedItem item, int maxLength)
    {
        if (element.Reader.LocalName == "description")
        {
            // type="plain" is the default; "html" is the only other value the specification allows.
            var kind = element.Reader.GetAttribute("type")?.Trim() == "html" ? TextKind.Html : TextKind.Text;
            var text = FeedText.Summary(element.ReadTextSpan(), kind, maxLength);
            if (string.IsNullOrEmpty(item.MediaText))
            {
                item.MediaText = text;
            }

            return;
        }

        element.ForEachChild((item, maxLength), static (child, context) =>
        {
            if (child.Reader.NamespaceURI != FeedXml.Media || child.Reader.LocalName is not ("description" or "content" or "group"))
            {
                return false;
            }

            Read(child, context.item, context.maxLength);
            return true;
        });
    }
}
