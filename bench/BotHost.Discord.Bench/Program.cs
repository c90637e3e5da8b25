using BotHost.Discord.Bench.WholeBot;
using BotHost.Discord.Bench.Throughput;

// Verbs:
//   (none, or --options)  the REST client throughput check (Throughput/, see README.md)
//   system [--quick]      benchmarks 2-4 of issue 13: fan-out, interactions, memory (System/), merged into bench/results/latest.json
//   bot --offset-ms N     the bot side of `system`, started by it as a child process
//   corpus N              builds (or finds) the cached N-story corpus in bench/.corpus/ and prints its path
//   search DB             times the system run's /search queries alone on database DB (a copy: it may be written to)
//   search-profile DB     the FTS5 part of each of those queries (as typed, widened), opened read-only, slowest first with a plan
return args switch
{
    ["system", .. var rest] when rest.All(a => a == "--quick") =>
        await SystemBench.RunAsync(quick: rest.Length > 0, Directory.GetCurrentDirectory(), CancellationToken.None),
    ["corpus", var stories] => await PrintCorpusAsync(int.Parse(stories, System.Globalization.CultureInfo.InvariantCulture)),
    ["search", var database] => await PrintSearchTimesAsync(database),
    ["search-profile", var database] => await SearchProfile.RunAsync(database, SearchQueries.Make(200, seed: 29), CancellationToken.None),
    ["bot", ..] => await BotProcess.RunAsync(args),
    _ => await ThroughputBench.RunAsync(args),
};

static async Task<int> PrintCorpusAsync(int stories)
{
    Console.WriteLine(await BotHost.Discord.Bench.Corpus.StoryCorpus.EnsureAsync(Path.Combine("bench", ".corpus"), stories, CancellationToken.None));
    return 0;
}

static async Task<int> PrintSearchTimesAsync(string database)
{
    var times = await SearchTiming.MeasureAsync(
        database, Path.Combine("config", "topics.json"), BotHost.Discord.Bench.Corpus.StoryCorpus.Now - DateTimeOffset.UtcNow, SearchQueries.Make(200, seed: 29), CancellationToken.None);
    foreach (var (query, ms) in times.OrderByDescending(t => t.Ms).Take(15))
    {
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ms,8:F1} ms  {query}"));
    }

    var all = times.Select(t => t.Ms).ToList();
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p50 {Percentiles.Of(all, 50):F2} ms, p99 {Percentiles.Of(all, 99):F2} ms over {all.Count} queries"));
    return 0;
}
