using System.Diagnostics;

namespace BotHost.Benchmarks.Parser;

/// <summary>
/// `profile &lt;contender-key&gt; &lt;file&gt; [seconds]`: parses one file over and over, for a profiler to attach to
/// (dotnet-trace collect -- dotnet BotHost.Benchmarks.dll profile bothost feed.xml 20). This is how the parser's
/// hot spots were found; bench/README.md shows the commands.
/// </summary>
public static class ProfileLoop
{
    public const string Verb = "profile";

    public static int Run(string[] args)
    {
        FeedContender contender = args[0] switch
        {
            "syndication" => new SyndicationContender(),
            "codehollow" => new CodeHollowContender(),
            "raw_xmlreader" => new RawScanContender(),
            "bothost_parsedfeed" => new BotHostContender(streamed: false),
            _ => new BotHostContender(),
        };
        var bytes = File.ReadAllBytes(args[1]);
        var format = args[1].EndsWith(".json", StringComparison.Ordinal) ? CorpusFormat.JsonFeed
            : args[1].Contains("atom", StringComparison.Ordinal) ? CorpusFormat.Atom : CorpusFormat.Rss2;
        var seconds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15;
        var stopwatch = Stopwatch.StartNew();
        var cpu = ThreadCpuTime.Now();
        var parses = 0;
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            contender.Parse(bytes, format);
            parses++;
        }

        Console.WriteLine($"{parses} parses, {(ThreadCpuTime.Now() - cpu).TotalMilliseconds / parses:F1} ms CPU, {stopwatch.Elapsed.TotalMilliseconds / parses:F1} ms wall each");
        return 0;
    }
}
