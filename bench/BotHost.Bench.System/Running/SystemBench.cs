using System.Diagnostics;
using BotHost.Bench.System.Ingest;
using BotHost.Bench.System.Stores;
using BotHost.Benchmarks.Parser;
using Microsoft.Data.Sqlite;

namespace BotHost.Bench.System.Running;

/// <summary>Parses the command line, runs the chosen sections in order, prints the table and merges the results file.</summary>
internal static class SystemBench
{
    public static readonly string[] AllSections = [IngestBench.Section];

    private const string Usage = "usage: BotHost.Bench.System [--quick] [--only section,section] [--keep-scratch] [--large-stories N]   sections: ingest, fanout, interactions, memory";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.FirstOrDefault() == IngestProfileRun.Verb)
        {
            var profiling = new BenchContext(BenchContext.FindRepository(), Path.Combine(Path.GetTempPath(), "bothost-bench", "profile"), quick: false, Console.Out);
            return await IngestProfileRun.RunAsync(profiling, args[1..], CancellationToken.None);
        }

        var quick = args.Contains("--quick");
        var keep = args.Contains("--keep-scratch");
        var only = AllSections;
        // Quick mode's "large" store is 200k stories, so its first run builds in seconds rather than a minute.
        var largeStories = quick ? 200_000 : 1_000_000;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--only" && i + 1 < args.Length)
            {
                only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
            else if (args[i] == "--large-stories" && i + 1 < args.Length && int.TryParse(args[i + 1], out largeStories) && largeStories > StoreSet.SmallStories)
            {
                i++;
            }
            else if (args[i] is not ("--quick" or "--keep-scratch"))
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }
        }

        if (only.FirstOrDefault(s => !AllSections.Contains(s)) is { } unknown)
        {
            Console.Error.WriteLine($"unknown section '{unknown}'. {Usage}");
            return 2;
        }

        var repository = BenchContext.FindRepository();
        var scratch = Path.Combine(Path.GetTempPath(), "bothost-bench", Guid.NewGuid().ToString("N"));
        var context = new BenchContext(repository, scratch, quick, Console.Out);
        var stores = new StoreSet(context, largeStories);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(quick ? 10 : 60));
        var results = new List<SectionResult>();
        try
        {
            foreach (var section in AllSections.Where(only.Contains))
            {
                Console.WriteLine($"[{section}] ...");
                var stopwatch = Stopwatch.StartNew();
                var result = section switch
                {
                    _ => await IngestBench.RunAsync(context, stores, cancel.Token),
                };
                result.Json["quick"] = quick;
                result.Json["seconds"] = Math.Round(stopwatch.Elapsed.TotalSeconds, 1);
                results.Add(result);
                ResultsFile.MergeSection(Path.Combine(repository, "bench", "results", "latest.json"), section, result.Json, TimeProvider.System);
                Console.WriteLine($"[{section}] done in {stopwatch.Elapsed.TotalSeconds:F1} s");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (!keep && Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        Console.WriteLine();
        Console.WriteLine(ResultsTable.Render(results));
        return 0;
    }
}
