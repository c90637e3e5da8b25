using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BotHost.Benchmarks.Stories;

namespace BotHost.Benchmarks.Parser;

/// <summary>The syndication formats of the comparison corpus.</summary>
public enum CorpusFormat
{
    Rss2,
    Atom,
    Rdf,
    JsonFeed,
}

/// <summary>
/// Seeded, generated feeds shaped like real publishers' (about 1.2 KB per item: an escaped-HTML title now and
/// then, an HTML description, a longer content body, categories, dates, comment links), written at run time so
/// no large file is ever committed. The same seed and item count give the same bytes.
/// </summary>
public static class FeedCorpus
{
    private static readonly DateTimeOffset Newest = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    public static string Extension(CorpusFormat format) => format == CorpusFormat.JsonFeed ? "json" : "xml";

    /// <summary>Writes a feed of <paramref name="items"/> items to <paramref name="path"/> (kept when it already exists).</summary>
    public static void WriteIfMissing(string path, CorpusFormat format, int items, int seed)
    {
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
        {
            Write(writer, format, items, seed);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static byte[] Create(CorpusFormat format, int items, int seed)
    {
        using var memory = new MemoryStream();
        using (var writer = new StreamWriter(memory, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            Write(writer, format, items, seed);
        }

        return memory.ToArray();
    }

    private static void Write(TextWriter writer, CorpusFormat format, int items, int seed)
    {
        var content = new Headlines(seed);
        switch (format)
        {
            case CorpusFormat.Rss2:
                WriteRss(writer, items, content);
                break;
            case CorpusFormat.Atom:
                WriteAtom(writer, items, content);
                break;
            case CorpusFormat.Rdf:
                WriteRdf(writer, items, content);
                break;
            default:
                WriteJson(writer, items, content);
                break;
        }
    }

    private static void WriteRss(TextWriter writer, int items, Headlines content)
    {
        writer.Write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:slash="http://purl.org/rss/1.0/modules/slash/">
            <channel>
            <title>Example Technology News</title>
            <link>https://news.example.net/</link>
            <atom:link href="https://news.example.net/feed.xml" rel="self" type="application/rss+xml"/>
            <description>Technology, science and the business of software</description>
            <language>en-us</language>

            """);
        for (var i = 0; i < items; i++)
        {
            var item = Item.Next(content, i);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"""
                <item>
                  <title>{item.EscapedTitle}</title>
                  <link>{SecurityElement.Escape(item.Url)}</link>
                  <guid isPermaLink="false">news-example-{item.Id}</guid>
                  <pubDate>{item.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate>
                  <comments>https://news.example.net/comments/{item.Id}</comments>
                  <dc:creator>Staff Writer {i % 7}</dc:creator>
                  <category>{item.Categories[0]}</category>
                  <category>{item.Categories[1]}</category>
                  <description>{SecurityElement.Escape(item.Summary)}</description>
                  <content:encoded><![CDATA[{item.Body}]]></content:encoded>
                  <slash:comments>{i % 40}</slash:comments>
                </item>

                """));
        }

        writer.Write("</channel>\n</rss>\n");
    }

    private static void WriteAtom(TextWriter writer, int items, Headlines content)
    {
        writer.Write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
            <title>Example Engineering</title>
            <link rel="alternate" type="text/html" href="https://eng.example.net/"/>
            <link rel="self" type="application/atom+xml" href="https://eng.example.net/feed.atom"/>
            <id>tag:eng.example.net,2026:feed</id>
            <updated>2026-11-25T09:00:00Z</updated>

            """);
        for (var i = 0; i < items; i++)
        {
            var item = Item.Next(content, i);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"""
                <entry>
                  <title type="html">{item.EscapedTitle}</title>
                  <link rel="alternate" type="text/html" href="{SecurityElement.Escape(item.Url)}"/>
                  <link rel="replies" type="text/html" href="https://eng.example.net/comments/{item.Id}"/>
                  <id>tag:eng.example.net,2026:{item.Id}</id>
                  <published>{item.Published:yyyy-MM-dd'T'HH:mm:ss'Z'}</published>
                  <updated>{item.Published.AddHours(2):yyyy-MM-dd'T'HH:mm:ss'Z'}</updated>
                  <author><name>Staff Writer {i % 7}</name></author>
                  <category term="{item.Categories[0]}"/>
                  <category term="{item.Categories[1]}"/>
                  <summary type="html">{SecurityElement.Escape(item.Summary)}</summary>
                  <content type="html">{SecurityElement.Escape(item.Body)}</content>
                </entry>

                """));
        }

        writer.Write("</feed>\n");
    }

    private static void WriteRdf(TextWriter writer, int items, Headlines content)
    {
        writer.Write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel rdf:about="https://science.example.org/">
            <title>Example Science (RDF)</title>
            <link>https://science.example.org/</link>
            <description>Science news as RSS 1.0</description>
            </channel>

            """);
        for (var i = 0; i < items; i++)
        {
            var item = Item.Next(content, i);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"""
                <item rdf:about="{SecurityElement.Escape(item.Url)}">
                  <title>{item.EscapedTitle}</title>
                  <link>{SecurityElement.Escape(item.Url)}</link>
                  <dc:date>{item.Published:yyyy-MM-dd'T'HH:mm:ss'Z'}</dc:date>
                  <dc:subject>{item.Categories[0]}</dc:subject>
                  <dc:creator>Staff Writer {i % 7}</dc:creator>
                  <description>{SecurityElement.Escape(item.Summary)}</description>
                  <content:encoded><![CDATA[{item.Body}]]></content:encoded>
                </item>

                """));
        }

        writer.Write("</rdf:RDF>\n");
    }

    private static void WriteJson(TextWriter writer, int items, Headlines content)
    {
        writer.Write("""{"version":"https://jsonfeed.org/version/1.1","title":"Example JSON News","home_page_url":"https://json.example.net/","items":[""");
        writer.Write('\n');
        for (var i = 0; i < items; i++)
        {
            var item = Item.Next(content, i);
            writer.Write(i == 0 ? string.Empty : ",\n");
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $$"""{"id":"json-{{item.Id}}","url":{{Json(item.Url)}},"title":{{Json(item.Title)}},"summary":{{Json(item.PlainSummary)}},"content_html":{{Json(item.Body)}},"date_published":"{{item.Published:yyyy-MM-dd'T'HH:mm:ss'Z'}}","tags":[{{Json(item.Categories[0])}},{{Json(item.Categories[1])}}]}"""));
        }

        writer.Write("\n]}\n");
    }

    private static string Json(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    /// <summary>One generated article.</summary>
    private sealed record Item(long Id, string Title, string EscapedTitle, string Url, DateTimeOffset Published, string[] Categories, string Summary, string PlainSummary, string Body)
    {
        public static Item Next(Headlines content, int index)
        {
            var title = content.NextTitle();

            // Programming headlines carry literal angle brackets and ampersands; one in eight here does.
            if (content.Next(8) == 0)
            {
                title += content.Next(2) == 0 ? " with Vec<u8> & Option<T>" : " & more";
            }

            var id = 500_000L + index;
            var published = Newest - TimeSpan.FromMinutes(7 * index);
            var url = content.UrlFor(title, id, published) + "?utm_source=rss&utm_medium=feed";
            var words = string.Join(' ', Enumerable.Range(0, 3).Select(_ => content.NextTitle().ToLowerInvariant()));
            var plain = words + ".";
            var summary = $"<p>{plain} <a href=\"{url}\">Read more&nbsp;&raquo;</a></p>";
            var body = $"<figure><img src=\"https://cdn.example.net/{id}.jpg\" alt=\"\"/></figure><p>{plain}</p><p>Also: <code>Span&lt;T&gt;</code> &amp; more.</p>";
            var first = title.Split(' ')[0];
            return new Item(id, title, SecurityElement.Escape(title), url, published, ["Technology", first], summary, plain, body);
        }
    }
}
