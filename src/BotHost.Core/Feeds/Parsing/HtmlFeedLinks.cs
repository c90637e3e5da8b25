using AngleSharp.Html.Parser;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>The feeds an HTML page advertises with &lt;link rel="alternate" type="…"&gt;, as absolute URLs.</summary>
internal static class HtmlFeedLinks
{
    private static readonly string[] FeedTypes =
        ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"];

    public static IReadOnlyList<string> Find(string html, Uri? pageUri)
    {
        var document = new HtmlParser().ParseDocument(html);
        var baseUri = FeedUrls.Resolve(document.QuerySelector("base[href]")?.GetAttribute("href"), pageUri) ?? pageUri;
        var feeds = new List<string>();
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var rel = link.GetAttribute("rel")!;
            var type = link.GetAttribute("type")?.Split(';')[0].Trim();
            var isAlternate = rel.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Contains("alternate", StringComparer.OrdinalIgnoreCase);
            if (!isAlternate || type is null || !FeedTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var url = FeedUrls.Resolve(link.GetAttribute("href"), baseUri)?.AbsoluteUri;
            if (url is not null && !feeds.Contains(url))
            {
                feeds.Add(url);
            }
        }

        return feeds;
    }
}
