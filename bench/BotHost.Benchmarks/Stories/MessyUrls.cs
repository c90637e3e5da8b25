using System.Globalization;

namespace BotHost.Benchmarks.Stories;

/// <summary>
/// Article links as feeds and aggregators hand them out: tracking parameters, mixed-case hosts, default
/// ports, dot segments, percent-encoding, international hosts, fragments and redirect wrappers.
/// Every one is accepted by both the canonicalizer and <see cref="Uri"/>.
/// </summary>
internal static class MessyUrls
{
    private static readonly string[] Templates =
    [
        "HTTPS://WWW.Example.COM:443/Tech/{0}/?utm_source=twitter&utm_medium=social#comments",
        "http://news.example.net/a/b/../c/./{0}.html?ref=rss&fbclid=IwAR0{0}",
        "https://blog.example.org/posts/{0}?b=2&a=1&utm_campaign=launch",
        "https://www.google.com/url?q=https%3A%2F%2Fexample.org%2Fpost%2F{0}%3Futm_source%3Dg&sa=D&usg=AOv{0}",
        "https://out.reddit.com/t3_{0}?url=https%3A%2F%2Fblog.example.com%2Fp%2F{0}&token=x1",
        "https://example.com/%7Euser/caf%C3%A9-{0}?x=%2a",
        "https://example.com//double//slashes/{0}/",
        "https://m\u00fcnchen.example/stra\u00dfe-{0}?gclid=123{0}",
        "https://www.example.com/index.html?p={0}&mc_cid=1a&mc_eid=2b",
        "http://example.com:80/amp/article-{0}?amp=1",
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fnews.example.net%2Fstory%2F{0}%3Futm_source%3Dfb&h=AT0",
        "https://shop.example.com/item/{0};jsessionid=ABC123?color=red",
        "https://search.example.com/search?q=hello+world+{0}&page=2",
        "https://EXAMPLE.com./path/{0}",
        "https://arstechnica.com/gadgets/2026/11/{0}/?comments=1&utm_source=rss&utm_medium=rss",
        "https://www.youtube.com/watch?v=dQw4w9W{0}&feature=youtu.be&si=abcdef",
        "https://github.com/Owner/Repo/releases/tag/v1.{0}.0?utm_source=newsletter",
        "https://medium.com/@author/a-long-post-title-{0}-3f9a1b2c?source=rss----abc---4",
        "https://www.theverge.com/2026/11/25/{0}/new-thing-announced?mc_cid=abc&_hsenc=p2A",
        "https://lwn.net/Articles/{0}/#Comments",
    ];

    public static string[] Create(int count)
    {
        var urls = new string[count];
        for (var i = 0; i < count; i++)
        {
            var article = (1_000 + (i * 7919 % 9_000)).ToString(CultureInfo.InvariantCulture);
            urls[i] = string.Format(CultureInfo.InvariantCulture, Templates[i % Templates.Length], article);
        }

        return urls;
    }
}
