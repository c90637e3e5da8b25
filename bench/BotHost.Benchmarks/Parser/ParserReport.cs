using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace BotHost.Benchmarks.Parser;

/// <summary>The comparison's table and its "parser" results section, with each goal of issue 8 judged.</summary>
public sealed class ParserReport(IReadOnlyList<Measurement> measurements, IReadOnlyList<PeakResult> peaks, IReadOnlyDictionary<CorpusFormat, string> digests, bool quick)
{
    public const double SyndicationGoal = 3.0;
    public const double RawScanGoal = 1.5;
    public const double PeakGoalMiB = 100;

    private static readonly string[] Keys = ["bothost", "syndication", "codehollow", "raw_xmlreader"];
    private static readonly CorpusFormat[] GoalFormats = [CorpusFormat.Rss2, CorpusFormat.Atom];

    /// <summary>Throughput over the large RSS 2.0 and Atom documents (the formats every contender reads), in MB/s.</summary>
    public double Throughput(string key)
    {
        var rows = measurements.Where(m => m.ContenderKey == key && m.Size == "large" && GoalFormats.Contains(m.Format)).ToList();
        return rows.Sum(m => m.Bytes) / (1024.0 * 1024.0) / rows.Sum(m => m.Median.TotalSeconds);
    }

    public double AllocatedPerItem => measurements
        .Where(m => m.ContenderKey == "bothost" && m.Size == "large" && GoalFormats.Contains(m.Format))
        .Average(m => m.AllocatedBytesPerItem);

    public double BotHostPeak => peaks.Where(p => p.ContenderKey == "bothost").Max(p => p.PeakMiB);

    public double VersusSyndication => Throughput("bothost") / Throughput("syndication");

    public double RawScanOverBotHost => Throughput("raw_xmlreader") / Throughput("bothost");

    public string Table()
    {
        var table = new StringBuilder();
        table.AppendLine("| document | BotHost MB/s | Syndication | CodeHollow | raw XmlReader | BotHost vs Syndication | raw scan vs BotHost | BotHost B/item |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in measurements.GroupBy(m => (m.Format, m.Size, m.Items)))
        {
            var row = group.ToDictionary(m => m.ContenderKey);
            var bothost = row["bothost"];
            table.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key.Format} {group.Key.Size} ({group.Key.Items:N0} items, {bothost.Bytes / 1048576.0:F1} MB) | {bothost.MegabytesPerSecond:F1} | {Cell(row, "syndication")} | {Cell(row, "codehollow")} | {Cell(row, "raw_xmlreader")} | {Ratio(row, "syndication", bothost, faster: true)} | {Ratio(row, "raw_xmlreader", bothost, faster: false)} | {bothost.AllocatedBytesPerItem:N0} |");
        }

        table.AppendLine();
        table.AppendLine("| ~60 MB feed, whole process (peak memory, CPU time) | BotHost inspect-feed --json | SyndicationFeed.Load | raw XmlReader scan |");
        table.AppendLine("|---|---:|---:|---:|");
        foreach (var group in peaks.GroupBy(p => (p.Format, p.FeedMegabytes)))
        {
            var row = group.ToDictionary(p => p.ContenderKey);
            table.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key.Format} {group.Key.FeedMegabytes:F0} MB | {Whole(row["bothost"])} | {Whole(row["syndication"])} | {Whole(row["raw_xmlreader"])} |");
        }

        table.AppendLine();
        table.AppendLine(quick
            ? "Goals on this quick run's 5,000-item RSS 2.0 + Atom documents (a fast signal only: the goals are set on ~60 MB feeds, judged by a full run):"
            : "Goals on the ~60 MB (50,000-item) RSS 2.0 + Atom documents:");
        table.AppendLine(CultureInfo.InvariantCulture, $"- {Verdict(VersusSyndication >= SyndicationGoal)} {VersusSyndication:F2}x faster than SyndicationFeed (goal >= {SyndicationGoal}x)");
        table.AppendLine(CultureInfo.InvariantCulture, $"- {Verdict(RawScanOverBotHost <= RawScanGoal)} raw XmlReader scan is {RawScanOverBotHost:F2}x faster than BotHost (goal <= {RawScanGoal}x)");
        table.AppendLine(CultureInfo.InvariantCulture, $"- {Verdict(BotHostPeak < PeakGoalMiB)} peak {BotHostPeak:F0} MiB for inspect-feed on a ~60 MB feed (goal < {PeakGoalMiB} MiB)");
        table.Append(CultureInfo.InvariantCulture, $"- items digest (same items before and after a change): {string.Join(", ", digests.Select(d => $"{d.Key} {d.Value}"))}");
        return table.ToString();
    }

    public JsonObject Json()
    {
        var section = new JsonObject
        {
            ["bothost_mb_s"] = Round(Throughput("bothost")),
            ["syndication_mb_s"] = Round(Throughput("syndication")),
            ["codehollow_mb_s"] = Round(Throughput("codehollow")),
            ["raw_xmlreader_mb_s"] = Round(Throughput("raw_xmlreader")),
            ["bothost_alloc_bytes_per_item"] = Math.Round(AllocatedPerItem),
            ["bothost_peak_mb"] = Round(BotHostPeak),
            ["bothost_vs_syndication"] = Round(VersusSyndication),
            ["raw_xmlreader_vs_bothost"] = Round(RawScanOverBotHost),
            ["goals_met"] = new JsonObject
            {
                ["faster_than_syndication_3x"] = VersusSyndication >= SyndicationGoal,
                ["within_1_5x_of_raw_scan"] = RawScanOverBotHost <= RawScanGoal,
                ["peak_under_100_mib"] = BotHostPeak < PeakGoalMiB,
            },
            ["quick"] = quick,
            ["items_digest"] = new JsonObject(digests.Select(d => KeyValuePair.Create(d.Key.ToString(), (JsonNode?)d.Value))),
        };
        var processes = new JsonArray();
        foreach (var p in peaks)
        {
            processes.Add(new JsonObject
            {
                ["document"] = $"{p.Format} {p.FeedMegabytes:F0} MB",
                ["contender"] = p.ContenderKey,
                ["peak_mb"] = Round(p.PeakMiB),
                ["cpu_s"] = Round(p.Cpu.TotalSeconds),
            });
        }

        section["whole_process"] = processes;
        var documents = new JsonArray();
        foreach (var m in measurements)
        {
            documents.Add(new JsonObject
            {
                ["document"] = $"{m.Format} {m.Size}",
                ["items"] = m.Items,
                ["bytes"] = m.Bytes,
                ["contender"] = m.ContenderKey,
                ["mb_s"] = Round(m.MegabytesPerSecond),
                ["alloc_bytes_per_item"] = Math.Round(m.AllocatedBytesPerItem),
            });
        }

        section["documents"] = documents;
        return section;
    }

    private static string Cell(Dictionary<string, Measurement> row, string key) =>
        row.TryGetValue(key, out var m) ? m.MegabytesPerSecond.ToString("F1", CultureInfo.InvariantCulture) : "n/a";

    private static string Ratio(Dictionary<string, Measurement> row, string key, Measurement bothost, bool faster) =>
        !row.TryGetValue(key, out var other) ? "n/a"
        : (faster ? bothost.MegabytesPerSecond / other.MegabytesPerSecond : other.MegabytesPerSecond / bothost.MegabytesPerSecond).ToString("F2", CultureInfo.InvariantCulture) + "x";

    private static string Whole(PeakResult run) => string.Create(CultureInfo.InvariantCulture, $"{run.PeakMiB:F0} MiB, {run.Cpu.TotalSeconds:F2} s");

    private static string Verdict(bool met) => met ? "MET   " : "MISSED";

    private static double Round(double value) => Math.Round(value, 2);
}
