using BotHost.Discord.Bench.WholeBot;
using BotHost.Discord.Bench.Throughput;

// Verbs:
//   (none, or --options)  the REST client throughput check (Throughput/, see README.md)
//   system [--quick]      benchmarks 2-4 of issue 13: fan-out, interactions, memory (System/), merged into bench/results/latest.json
//   bot --offset-ms N     the bot side of `system`, started by it as a child process
//   corpus N              builds (or finds) the cached N-story corpus in bench/.corpus/ and prints its path
//   search DB [PASSES]    times the system run's /search queries alone on database DB (a copy: it may be written to), wall and
//                         CPU, each query's median over PASSES runs of the list (default 1)
//   search-profile DB     that, then the FTS5 part of each query (as typed, widened) on DB opened read-only, slowest first with a plan
return args switch
{
    ["system", .. var rest] when rest.All(a => a == "--quick") =>
        await SystemBench.RunAsync(quick: rest.Length > 0, Directory.GetCurrentDirectory(), CancellationToken.None),
    ["corpus", var stories] => await PrintCorpusAsync(int.Parse(stories, System.Globalization.CultureInfo.InvariantCulture)),
    ["search", var database, .. var passes] when passes.Length <= 1 =>
        await SearchProfile.TimeWholeCallsAsync(database, SearchQueries.Make(200, seed: 29), passes.Length == 0 ? 1 : int.Parse(passes[0], System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None),
    ["search-profile", var database] => await SearchProfile.RunAsync(database, SearchQueries.Make(200, seed: 29), CancellationToken.None),
    ["bot", ..] => await BotProcess.RunAsync(args),
    _ => await ThroughputBench.RunAsync(args),
};

static async Task<int> PrintCorpusAsync(int stories)
{
    Console.WriteLine(await BotHost.Discord.Bench.Corpus.StoryCorpus.EnsureAsync(Path.Combine("bench", ".corpus"), stories, CancellationToken.None));
    return 0;
}
