using System.Diagnostics;
using BotHost.Bench.System.Running;
using BotHost.Bench.System.Stores;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Bench.System.Ingest;

/// <summary>
/// `profile-ingest [--crowded] [--stories N] [--feeds N] [--warm] [--floor]`: builds a store and a corpus, prints "measuring pid
/// N", then only collects, so a profiler attached at that line (perf record -p, dotnet-trace -p) sees ingest alone.
/// `--warm` first collects another corpus of the same size into the store, so the profile shows code the JIT has
/// finished with, as in a bot that has run for a while. `--floor` measures <see cref="StorageFloor"/> instead.
/// </summary>
internal static class IngestProfileRun
{
    public const string Verb = "profile-ingest";

    public static async Task<int> RunAsync(BenchContext context, string[] args, CancellationToken cancellationToken)
    {
        var crowded = args.Contains("--crowded");
        var stories = Option(args, "--stories", StoreSet.SmallStories);
        var feeds = Option(args, "--feeds", 400);
        var time = new FakeTimeProvider(StoryStoreBuilder.Now);
        var (sources, items) = crowded
            ? IngestCorpus.WriteCrowded(context.ScratchPath("feeds", "crowded"), feeds * 50, BenchContext.Seed, StoryStoreBuilder.Now)
            : IngestCorpus.WriteRealistic(context.ScratchPath("feeds", "realistic"), feeds, BenchContext.Seed, StoryStoreBuilder.Now);
        var store = await new StoreSet(context, stories).CopyAsync("profile", stories, cancellationToken);
        if (args.Contains("--floor"))
        {
            Console.WriteLine($"storage floor: {await StorageFloor.ItemsPerSecondAsync(store, sources, cancellationToken):#,0} items/s");
            return 0;
        }

        using var host = new CollectorHost(store, sources, context.TopicsFile, time);
        Console.WriteLine($"title index read in {await host.WarmUpAsync(cancellationToken):F2} s");
        if (args.Contains("--warm"))
        {
            var (warmup, _) = IngestCorpus.WriteRealistic(context.ScratchPath("feeds", "profile-warmup"), feeds, BenchContext.Seed + 1, StoryStoreBuilder.Now);
            using var warm = new CollectorHost(store, warmup, context.TopicsFile, time);
            await warm.CollectAsync(warm.Sources, cancellationToken);
        }

        Console.WriteLine($"measuring pid {Environment.ProcessId}: {items:#,0} items");
        await Console.Out.FlushAsync(cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await host.CollectAsync(host.Sources, cancellationToken);
        await host.IndexForSearchAsync(cancellationToken);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"collected in {stopwatch.Elapsed.TotalSeconds:F2} s: {items / stopwatch.Elapsed.TotalSeconds:#,0} items/s, {items / cpu.TotalSeconds:#,0} items per CPU second");
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
