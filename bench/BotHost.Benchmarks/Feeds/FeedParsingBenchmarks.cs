using System.Globalization;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Benchmarks.Feeds;

/// <summary>
/// What FeedParser costs over the least a reader could do: load the same 50-item RSS 2.0 document into an
/// XDocument and pull out the same fields (id, title, link, comments, date, description, categories)
/// without any of the parser's work (HTML to text, summary cutting, URL resolution, recovery, safety checks).
/// </summary>
[MemoryDiagnoser]
public class FeedParsingBenchmarks
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private readonly FeedParser _parser = new();
    private readonly FeedParseContext _context = new(new Uri("https://news.example.net/feed.xml"), "application/rss+xml");
    private byte[] _document = [];

    [GlobalSetup]
    public void Setup() => _document = Rss2Sample.Create(items: 50, seed: 7);

    [Benchmark(Baseline = true, Description = "XDocument.Load + field extraction")]
    public int XDocumentExtraction()
    {
        using var stream = new MemoryStream(_document, writable: false);
        var document = XDocument.Load(stream);
        var count = 0;
        foreach (var item in document.Root!.Element("channel")!.Elements("item"))
        {
            var title = (string?)item.Element("title") ?? string.Empty;
            var link = (string?)item.Element("link");
            var id = (string?)item.Element("guid") ?? link ?? title;
            var comments = (string?)item.Element("comments");
            var published = DateTimeOffset.TryParse((string?)item.Element("pubDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : (DateTimeOffset?)null;
            var description = (string?)item.Element(Content + "encoded") ?? (string?)item.Element("description") ?? string.Empty;
            var categories = item.Elements("category").Select(c => c.Value).ToList();
            count += id.Length + (comments?.Length ?? 0) + description.Length + categories.Count + (published.HasValue ? 1 : 0);
        }

        return count;
    }

    [Benchmark(Description = "FeedParser.Parse")]
    public int FeedParserParse() => _parser.Parse(_document, _context).Items.Count;
}
