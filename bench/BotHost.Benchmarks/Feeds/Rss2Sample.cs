using System.Globalization;
using System.Security;
using System.Text;
using BotHost.Benchmarks.Stories;

namespace BotHost.Benchmarks.Feeds;

/// <summary>
/// A news-site shaped RSS 2.0 document: channel metadata, then items with title, link, guid, RFC 822
/// pubDate, comments, categories, dc:creator, an HTML description and a longer content:encoded body.
/// </summary>
internal static class Rss2Sample
{
    public static byte[] Create(int items, int seed)
    {
        var headlines = new Headlines(seed);
        var published = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var xml = new StringBuilder();
        xml.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <title>Example Technology News</title>
                <link>https://news.example.net/</link>
                <atom:link href="https://news.example.net/feed.xml" rel="self" type="application/rss+xml"/>
                <description>Technology, science and the business of software</description>
                <language>en-us</language>
                <lastBuildDate>Wed, 25 Nov 2026 09:00:00 +0000</lastBuildDate>

            """);
        for (var i = 0; i < items; i++)
        {
            var title = headlines.NextTitle();
            var date = published - TimeSpan.FromMinutes(37 * i);
            var url = headlines.UrlFor(title, 500_000 + i, date) + "?utm_source=rss&utm_medium=feed";
            var paragraph = string.Join(' ', Enumerable.Range(0, 6).Select(_ => headlines.NextTitle().ToLowerInvariant())) + ".";
            xml.Append(CultureInfo.InvariantCulture, $"""
                    <item>
                      <title>{SecurityElement.Escape(title)}</title>
                      <link>{SecurityElement.Escape(url)}</link>
                      <guid isPermaLink="false">news-example-{500_000 + i}</guid>
                      <pubDate>{date.ToString("r", CultureInfo.InvariantCulture)}</pubDate>
                      <comments>https://news.example.net/comments/{500_000 + i}</comments>
                      <dc:creator>Staff Writer {i % 7}</dc:creator>
                      <category>Technology</category>
                      <category>{SecurityElement.Escape(title.Split(' ')[0])}</category>
                      <description><![CDATA[<p>{paragraph}</p><p><a href="{url}">Read more</a></p>]]></description>
                      <content:encoded><![CDATA[<figure><img src="https://cdn.example.net/{i}.jpg" alt=""/></figure><p>{paragraph}</p><p>{paragraph}</p><blockquote>{paragraph}</blockquote><p>{paragraph}</p>]]></content:encoded>
                    </item>

                """);
        }

        xml.Append("  </channel>\n</rss>\n");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }
}
