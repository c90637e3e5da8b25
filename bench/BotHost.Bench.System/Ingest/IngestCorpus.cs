using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using BotHost.Benchmarks.Stories;

namespace BotHost.Bench.System.Ingest;

/// <summary>
/// Seeded feed files for the ingest section, written to a directory at run time, plus the sources file that lists
/// them. Shaped like what the collector meets:
/// publishers' RSS 2.0 (HTML descriptions, categories, guids) and Atom feeds with their own articles, and
/// aggregators (Hacker News shape: the article as link, the thread as comments, "Comments" as the description)
/// that re-post publishers' articles with tracking parameters (same story by URL) or under a reworded title
/// (same story by title). The crowded corpus is one feed whose titles share a vocabulary of a few dozen
/// words, so every title lands in the same crowded title bands: near-duplicate matching at its worst.
/// </summary>
internal static class IngestCorpus
{
    private static readonly string[] CrowdedWords =
    [
        "rust", "release", "security", "update", "new", "linux", "kernel", "memory", "performance", "database",
        "cloud", "ai", "model", "open", "source", "browser", "faster", "bug", "patch", "compiler",
        "server", "network", "data", "privacy", "users", "developers", "tool", "version", "stable", "support",
    ];

    /// <summary>Writes <paramref name="feeds"/> feeds of 20 to 80 items; returns the sources file and the item count.</summary>
    public static (string SourcesFile, int Items) WriteRealistic(string directory, int feeds, int seed, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var headlines = new Headlines(seed);
        var articles = new List<Article>();
        var sources = new List<(string Name, string Path, bool Topics)>();
        var items = 0;
        for (var f = 0; f < feeds; f++)
        {
            var aggregator = f % 5 == 4 && articles.Count > 0;
            var count = 20 + headlines.Next(61);
            var feed = new List<Article>(count);
            for (var i = 0; i < count; i++)
            {
                var published = now - TimeSpan.FromMinutes((f * 7) + (i * 37));
                feed.Add(aggregator ? Repost(headlines, articles, published) : NewArticle(headlines, articles, published, f, i));
            }

            var name = string.Create(CultureInfo.InvariantCulture, $"feed-{f:D4}");
            var path = Path.Combine(directory, name + (f % 3 == 1 ? ".atom" : ".xml"));
            File.WriteAllText(path, aggregator ? Aggregator(feed) : f % 3 == 1 ? Atom(name, feed) : Rss(name, feed), Encoding.UTF8);
            sources.Add((name, path, f % 7 == 3));
            items += count;
        }

        return (WriteSources(directory, sources), items);
    }

    /// <summary>One feed of <paramref name="count"/> items whose titles draw 6 to 9 words from a 30-word vocabulary.</summary>
    public static (string SourcesFile, int Items) WriteCrowded(string directory, int count, int seed, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        var feed = new List<Article>(count);
        for (var i = 0; i < count; i++)
        {
            var words = Enumerable.Range(0, 6 + random.Next(4)).Select(_ => CrowdedWords[random.Next(CrowdedWords.Length)]);
            var title = string.Join(' ', words);
            title = char.ToUpperInvariant(title[0]) + title[1..];
            var url = string.Create(CultureInfo.InvariantCulture, $"https://crowded.example.com/posts/{i}");
            feed.Add(new Article(title, url, null, now - TimeSpan.FromSeconds(i * 20), Summary(title, title)));
        }

        var path = Path.Combine(directory, "crowded.xml");
        File.WriteAllText(path, Rss("crowded", feed), Encoding.UTF8);
        return (WriteSources(directory, [("crowded", path, false)]), count);
    }

    private static Article NewArticle(Headlines headlines, List<Article> articles, DateTimeOffset published, int feed, int index)
    {
        var title = headlines.NextTitle();
        var url = headlines.UrlFor(title, (feed * 1000L) + index, published);
        var article = new Article(title, url, null, published, Summary(title, headlines.NextTitle()));
        articles.Add(article);
        return article;
    }

    // Half the re-posts carry the article's URL with tracking parameters, a quarter reword its title under another
    // URL, the rest are the aggregator's own finds.
    private static Article Repost(Headlines headlines, List<Article> articles, DateTimeOffset published)
    {
        var thread = string.Create(CultureInfo.InvariantCulture, $"https://news.example.com/item?id={40_000_000 + headlines.Next(9_000_000)}");
        var pick = articles[headlines.Next(articles.Count)];
        return headlines.Next(4) switch
        {
            0 or 1 => pick with { Url = pick.Url + "?utm_source=aggregator&utm_medium=rss", Comments = thread, Published = published },
            2 => new Article(headlines.Reword(pick.Title), pick.Url.Replace("https://", "https://mirror.", StringComparison.Ordinal) + "-mirror", thread, published, ""),
            _ => new Article(headlines.NextTitle(), headlines.UrlFor(headlines.NextTitle(), headlines.Next(1_000_000), published), thread, published, ""),
        };
    }

    private static string Summary(string title, string more) =>
        $"<p>{SecurityElement.Escape(title)}: {SecurityElement.Escape(more.ToLowerInvariant())}. Read on for the details, the numbers and what it means for you.</p>";

    private static string Rss(string name, List<Article> feed)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>{name}</title><link>https://{name}.example.org/</link><description>News from {name}</description>

            """);
        foreach (var a in feed)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item><title>{SecurityElement.Escape(a.Title)}</title><link>{SecurityElement.Escape(a.Url)}</link>
                <guid isPermaLink="true">{SecurityElement.Escape(a.Url)}</guid><pubDate>{a.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate>
                <dc:creator>Staff</dc:creator><category>Technology</category><description><![CDATA[{a.SummaryHtml}]]></description></item>

                """);
        }

        return xml.Append("</channel></rss>\n").ToString();
    }

    private static string Atom(string name, List<Article> feed)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>{name}</title><link href="https://{name}.example.org/"/>
            <id>tag:{name}.example.org,2026:feed</id><updated>{feed[0].Published:yyyy-MM-dd'T'HH:mm:ss'Z'}</updated>

            """);
        foreach (var a in feed)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                <entry><title type="html">{SecurityElement.Escape(a.Title)}</title><link rel="alternate" href="{SecurityElement.Escape(a.Url)}"/>
                <id>{SecurityElement.Escape(a.Url)}</id><published>{a.Published:yyyy-MM-dd'T'HH:mm:ss'Z'}</published><updated>{a.Published:yyyy-MM-dd'T'HH:mm:ss'Z'}</updated>
                <author><name>Staff</name></author><summary type="html">{SecurityElement.Escape(a.SummaryHtml)}</summary></entry>

                """);
        }

        return xml.Append("</feed>\n").ToString();
    }

    private static string Aggregator(List<Article> feed)
    {
        var xml = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Aggregator</title><link>https://news.example.com/</link><description>Links</description>

            """);
        foreach (var a in feed)
        {
            xml.Append(CultureInfo.InvariantCulture, $"""
                <item><title>{SecurityElement.Escape(a.Title)}</title><link>{SecurityElement.Escape(a.Url)}</link>
                <pubDate>{a.Published.ToString("r", CultureInfo.InvariantCulture)}</pubDate><comments>{a.Comments}</comments>
                <description><![CDATA[<a href="{a.Comments}">Comments</a>]]></description></item>

                """);
        }

        return xml.Append("</channel></rss>\n").ToString();
    }

    private static string WriteSources(string directory, List<(string Name, string Path, bool Topics)> sources)
    {
        var path = Path.Combine(directory, "sources.json");
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteStartArray("sources");
        foreach (var (name, file, topics) in sources)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("url", file);
            if (topics)
            {
                // Some sources follow topics, so the topic filter runs (and drops what is off-topic).
                json.WriteStartArray("topics");
                json.WriteStringValue("backend");
                json.WriteStringValue("security");
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return path;
    }

    private sealed record Article(string Title, string Url, string? Comments, DateTimeOffset Published, string SummaryHtml);
}
