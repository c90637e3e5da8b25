using System.Globalization;
using System.Text.Json.Nodes;
using BotHost.Benchmarks.Parser;

namespace BotHost.Discord.Bench.WholeBot;

/// <summary>Prints the system run and merges its "fanout", "interactions" and "memory" sections into latest.json.</summary>
internal sealed class SystemReport(
    SystemScale scale,
    IReadOnlyDictionary<string, string> composed,
    IReadOnlyDictionary<string, string> delivered,
    IReadOnlyDictionary<string, string> final,
    FanoutMeasure fanout,
    IReadOnlyList<int> perSecond,
    InteractionMeasure interactions,
    IReadOnlyList<(string Query, double Ms, double CpuMs)> searchQueries,
    double harnessCpuSeconds)
{
    public const double FanoutGoal = 0.95;
    public const double AckP99GoalMs = 100;
    public const double SearchQueryP99GoalMs = 20;
    public const double PeakGoalMb = 250;

    private readonly IReadOnlyList<double> searchQueryMs = [.. searchQueries.Select(q => q.Ms)];

    private double PeakDuringFanout => Number(delivered, "peak_mb");

    private bool FanoutMet => fanout.Fraction >= FanoutGoal && fanout.Http429 == 0 && Number(delivered, "failed") == 0;

    private bool AckMet => interactions.Ack(99) < AckP99GoalMs && interactions.Failed == 0;

    private bool SearchMet => Percentiles.Of([.. searchQueryMs], 99) < SearchQueryP99GoalMs;

    private bool MemoryMet => PeakDuringFanout < PeakGoalMb;

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"""

            System benchmarks ({(scale.Quick ? "quick" : "full")}: {scale.Stories:N0} stories, {scale.Subscriptions:N0} subscriptions, fan-out to {scale.FanoutChannels:N0} channels; limits {SystemScale.GlobalLimit}/s global, {SystemScale.BucketLimit} per {SystemScale.BucketWindow.TotalSeconds} s per channel)
            | measure | result | goal | |
            |---|---:|---|---|
            | fan-out: fraction of the allowed rate, sustained | {fanout.Fraction:F3} ({fanout.Created:N0} posts to {fanout.Channels:N0} channels in {fanout.Seconds:F2} s, {fanout.AchievedRate:F0}/s of {fanout.AllowedRate:F0}/s; stricter reading against a burst-each-window schedule of {fanout.ShortestSeconds:F0} s: {fanout.ShortestScheduleFraction:F3}) | >= {FanoutGoal} | {Mark(fanout.Fraction >= FanoutGoal)} |
            | fan-out: HTTP 429s | {fanout.Http429} (global {fanout.Global429}) | 0 | {Mark(fanout.Http429 == 0)} |
            | interactions: ack p50 / p99 | {interactions.Ack(50):F1} / {interactions.Ack(99):F1} ms | p99 < {AckP99GoalMs} ms | {Mark(AckMet)} |
            | interactions: ack one at a time (median of 9 warm-up requests) | {interactions.OneAtATimeMedian:F1} ms | | |
            | interactions: final response p50 / p99 | {interactions.Final(50):F1} / {interactions.Final(99):F1} ms | | |
            | /search ack p50 / p99; /latest ack p50 / p99 | {interactions.Ack(50, "search"):F1} / {interactions.Ack(99, "search"):F1}; {interactions.Ack(50, "latest"):F1} / {interactions.Ack(99, "latest"):F1} ms | | |
            | /search query alone p50 / p99 | {Percentiles.Of([.. searchQueryMs], 50):F2} / {Percentiles.Of([.. searchQueryMs], 99):F2} ms | p99 < {SearchQueryP99GoalMs} ms | {Mark(SearchMet)} |
            | peak working set of the bot during the fan-out | {PeakDuringFanout:F0} MB (after the interactions: {Number(final, "peak_mb"):F0} MB) | < {PeakGoalMb} MB | {Mark(MemoryMet)} |

            composing {composed["deliveries"]} digests ({composed["parts"]} parts) took {composed["seconds"]} s before the host started; sending took {delivered["seconds"]} s from host start (sent {delivered["sent"]}, failed {delivered["failed"]}); the bot used {Number(delivered, "cpu_s") - Number(composed, "cpu_s"):F2} s CPU while sending, this process (fake Discord) {harnessCpuSeconds:F2} s
            accepted posts per second of the fan-out: {string.Join(' ', perSecond)}
            slowest /search queries alone: {string.Join("; ", searchQueries.OrderByDescending(q => q.Ms).Take(5).Select(q => $"{q.Query} {q.Ms:F0} ms"))}
            slowest ack of each round: {string.Join(' ', interactions.SlowestAckPerRound(scale.Concurrency).Select(ms => ms.ToString("F0", c)))} ms
            interactions: {interactions.Samples.Count} in rounds of {scale.Concurrency} ({interactions.Deferred} deferred, {interactions.Failed} failed, {interactions.SearchesWithoutMatch} searches matched nothing)
            """));
    }

    public void Save(string path)
    {
        ResultsFile.MergeSection(path, "fanout", new JsonObject
        {
            ["channels"] = fanout.Channels,
            ["fraction_of_allowed_rate"] = Math.Round(fanout.Fraction, 3),
            ["fraction_measured_as"] = double.IsNaN(fanout.SustainedFraction) ? "shortest burst schedule / span (run under two windows)" : "sustained: accepted / allowed over every one-second window but the last",
            ["fraction_vs_shortest_schedule"] = Math.Round(fanout.ShortestScheduleFraction, 3),
            ["http_429"] = fanout.Http429,
            ["posts"] = fanout.Created,
            ["seconds"] = Math.Round(fanout.Seconds, 3),
            ["shortest_seconds_allowed"] = fanout.ShortestSeconds,
            ["achieved_per_s"] = Math.Round(fanout.AchievedRate, 1),
            ["allowed_per_s"] = fanout.AllowedRate,
            ["limits"] = $"{SystemScale.GlobalLimit}/s global, {SystemScale.BucketLimit} per {SystemScale.BucketWindow.TotalSeconds} s per channel",
            ["deliveries"] = Number(composed, "deliveries"),
            ["failed_deliveries"] = Number(delivered, "failed"),
            ["compose_seconds"] = Number(composed, "seconds"),
            ["bot_cpu_s_while_sending"] = Math.Round(Number(delivered, "cpu_s") - Number(composed, "cpu_s"), 2),
            ["fake_discord_cpu_s_while_sending"] = Math.Round(harnessCpuSeconds, 2),
            ["posts_per_second"] = new JsonArray([.. perSecond.Select(n => (JsonNode)n)]),
            ["goal_met"] = FanoutMet,
            ["quick"] = scale.Quick,
        }, TimeProvider.System);
        ResultsFile.MergeSection(path, "interactions", new JsonObject
        {
            ["ack_p50_ms"] = Round(interactions.Ack(50)),
            ["ack_p99_ms"] = Round(interactions.Ack(99)),
            ["search_query_p99_ms"] = Round(Percentiles.Of([.. searchQueryMs], 99)),
            ["search_query_p50_ms"] = Round(Percentiles.Of([.. searchQueryMs], 50)),
            ["ack_one_at_a_time_ms"] = Round(interactions.OneAtATimeMedian),
            ["final_p50_ms"] = Round(interactions.Final(50)),
            ["final_p99_ms"] = Round(interactions.Final(99)),
            ["search_ack_p99_ms"] = Round(interactions.Ack(99, "search")),
            ["latest_ack_p99_ms"] = Round(interactions.Ack(99, "latest")),
            ["concurrency"] = scale.Concurrency,
            ["interactions"] = interactions.Samples.Count,
            ["deferred"] = interactions.Deferred,
            ["failed"] = interactions.Failed,
            ["stories"] = scale.Stories,
            ["goal_met"] = AckMet && SearchMet,
            ["quick"] = scale.Quick,
        }, TimeProvider.System);
        ResultsFile.MergeSection(path, "memory", new JsonObject
        {
            ["peak_working_set_mb"] = Round(PeakDuringFanout),
            ["peak_after_interactions_mb"] = Round(Number(final, "peak_mb")),
            ["stories"] = scale.Stories,
            ["subscriptions"] = scale.Subscriptions,
            ["fanout_channels"] = scale.FanoutChannels,
            ["goal_met"] = MemoryMet,
            ["quick"] = scale.Quick,
        }, TimeProvider.System);
    }

    private static string Mark(bool met) => met ? "met" : "MISSED";

    private static double Round(double value) => Math.Round(value, 2);

    private static double Number(IReadOnlyDictionary<string, string> line, string key)
        => double.Parse(line[key], NumberStyles.Float, CultureInfo.InvariantCulture);
}
