using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Benchmarks.Parser;

/// <summary>
/// The parser comparison behind `bench/run`: BotHost's parser, SyndicationFeed, CodeHollow.FeedReader and a raw
/// XmlReader scan on one seeded generated corpus (RSS 2.0, Atom, RDF, JSON Feed; small and large), in one run, then
/// the peak memory of whole `inspect-feed` processes on ~60 MB feeds. Prints a table and merges the "parser"
/// section into bench/results/latest.json.
/// </summary>
public static class ParserBench
{
    public const string Verb = "parser";

    private const int Seed = 8;
    private const int SmallItems = 50;
    private const int PeakItems = 50_000;

    public static int Run(string[] args, TextWriter log)
    {
        var quick = args.Contains("--quick");
        var repo = RepositoryRoot();
        var corpus = Path.Combine(repo, "bench", ".corpus");
        var largeItems = quick ? 5_000 : PeakItems;
        var iterations = quick ? 5 : 9;
        var formats = Enum.GetValues<CorpusFormat>();

        log.WriteLine($"Generating the corpus in {corpus} (seed {Seed}) ...");
        var documents = formats.Select(f => CorpusDocument.Create(corpus, f, "small", SmallItems, Seed))
            .Concat(formats.Select(f => CorpusDocument.Create(corpus, f, "large", largeItems, Seed)))
            .ToList();
        var peakFeeds = new[] { CorpusFormat.Rss2, CorpusFormat.Atom }
            .Select(f => CorpusDocument.Create(corpus, f, "peak", PeakItems, Seed)).ToList();

        log.WriteLine($"Throughput ({(quick ? "quick" : "full")}: median of {iterations}) ...");
        FeedContender[] contenders = [new BotHostContender(), new BotHostContender(streamed: false), new SyndicationContender(), new CodeHollowContender(), new RawScanContender()];
        var measurements = new ThroughputRunner(contenders, log).Run(documents, iterations);

        log.WriteLine("Peak memory of whole processes on the ~60 MB feeds ...");
        var peaks = MeasurePeaks(repo, peakFeeds, log);
        var digests = peakFeeds.ToDictionary(d => d.Format, d => ItemsDigest(d.Path));

        var report = new ParserReport(measurements, peaks, digests, quick);
        log.WriteLine();
        log.WriteLine(report.Table());
        var output = Path.Combine(repo, "bench", "results", "latest.json");
        ResultsFile.MergeSection(output, "parser", report.Json(), TimeProvider.System);
        log.WriteLine($"Wrote the \"parser\" section of {Path.GetRelativePath(repo, output)}.");
        return 0;
    }

    private static List<PeakResult> MeasurePeaks(string repo, IReadOnlyList<CorpusDocument> feeds, TextWriter log)
    {
        var botHost = Path.Combine(repo, "src", "BotHost", "bin", "Release", "net10.0", "BotHost.dll");
        if (!File.Exists(botHost))
        {
            throw new InvalidOperationException($"{botHost} is missing: build it first (bench/run does: dotnet build -c Release src/BotHost).");
        }

        var self = typeof(ParserBench).Assembly.Location;
        var environment = new Dictionary<string, string>
        {
            ["Feeds__MaxItemsPerFeed"] = "100000",
            ["Feeds__MaxBodyBytes"] = "200000000",
            ["DOTNET_gcServer"] = "0",
        };
        var results = new List<PeakResult>();
        foreach (var feed in feeds)
        {
            var megabytes = new FileInfo(feed.Path).Length / (1024.0 * 1024.0);
            (string Key, string Command)[] runs =
            [
                ("bothost", $"dotnet {Quote(botHost)} inspect-feed {Quote(feed.Path)} --json"),
                ("syndication", $"dotnet {Quote(self)} {FileParse.Verb} syndication {Quote(feed.Path)}"),
                ("raw_xmlreader", $"dotnet {Quote(self)} {FileParse.Verb} raw_xmlreader {Quote(feed.Path)}"),
            ];
            foreach (var (key, command) in runs)
            {
                var (peak, cpu) = PeakMemory.Measure(command, environment, repo);
                results.Add(new PeakResult(feed.Format, megabytes, key, peak, cpu));
                log.WriteLine($"  {feed.Format} {megabytes:F0} MB  {key,-14} peak {peak:F0} MiB, {cpu.TotalSeconds:F2} s CPU");
            }
        }

        return results;
    }

    /// <summary>A hash of every item BotHost reads from a feed: equal digests mean a change kept the same items.</summary>
    public static string ItemsDigest(string path)
    {
        var feed = new FeedParser(maxItems: int.MaxValue).Parse(File.ReadAllBytes(path), new FeedParseContext(new Uri("https://news.example.net/feed.xml")));
        var text = new StringBuilder();
        foreach (var item in feed.Items)
        {
            text.Append(item.Id).Append('\u001F').Append(item.Title).Append('\u001F').Append(item.Url).Append('\u001F').Append(item.CommentsUrl)
                .Append('\u001F').Append(item.Published?.ToString("O", CultureInfo.InvariantCulture)).Append('\u001F').Append(item.SummaryText)
                .Append('\u001F').AppendJoin(',', item.Categories).Append('\u001E');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BotHost.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("BotHost.sln not found above the benchmark's folder.");
    }
}
