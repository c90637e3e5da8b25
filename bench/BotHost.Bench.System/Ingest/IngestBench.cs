using System.Diagnostics;
using System.Text.Json.Nodes;
using BotHost.Bench.System.Running;
using BotHost.Bench.System.Stores;
using BotHost.Core.Collecting;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Sources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Bench.System.Ingest;

/// <summary>
/// Ingest end to end as the collector runs it, on seeded feed files: items per second into a 10k-story store, the
/// cost per item there against the same feeds into a 1M-story store (chunks alternate between the two stores, so
/// a change in the machine's load hits both), a crowded-vocabulary feed (every title in the same title bands), a
/// re-poll of feeds whose items are all known, and parsing alone as the baseline.
/// </summary>
internal static class IngestBench
{
    public const string Section = "ingest";
    private const int Chunks = 4;

    public static async Task<SectionResult> RunAsync(BenchContext context, StoreSet stores, CancellationToken cancellationToken)
    {
        var log = context.Log;
        var time = new FakeTimeProvider(StoryStoreBuilder.Now);
        var feeds = context.Quick ? 60 : 480;
        var crowdedItems = context.Quick ? 2_500 : 50_000;
        var (realistic, items) = IngestCorpus.WriteRealistic(context.ScratchPath("feeds", "realistic"), feeds, BenchContext.Seed, StoryStoreBuilder.Now);
        var (warmup, _) = IngestCorpus.WriteRealistic(context.ScratchPath("feeds", "warmup"), context.Quick ? 10 : 20, BenchContext.Seed + 1, StoryStoreBuilder.Now);
        var (crowded, _) = IngestCorpus.WriteCrowded(context.ScratchPath("feeds", "crowded"), crowdedItems, BenchContext.Seed, StoryStoreBuilder.Now);
        log.WriteLine($"  corpus: {feeds} feeds, {items:#,0} items; crowded feed {crowdedItems:#,0} items");

        var small = await stores.SmallAsync(cancellationToken);
        var large = await stores.LargeAsync(cancellationToken);
        using (var warm = new CollectorHost(await stores.CopyAsync("warmup", 1_000, cancellationToken), warmup, context.TopicsFile, time))
        {
            await warm.CollectAsync(warm.Sources, cancellationToken);
        }

        var parseSeconds = ParseOnly(realistic);
        using var smallHost = new CollectorHost(small, realistic, context.TopicsFile, time);
        using var largeHost = new CollectorHost(large, realistic, context.TopicsFile, time);
        // Reading the title index is start-up work (about one story in six of a store is in the match window);
        // it is reported, not counted per item.
        var smallWarmUp = await smallHost.WarmUpAsync(cancellationToken);
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var largeWarmUp = await largeHost.WarmUpAsync(cancellationToken);
        var largeIndexMb = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1048576.0;
        log.WriteLine($"  title index read in {smallWarmUp:F2} s ({StoreSet.SmallStories:#,0} stories), {largeWarmUp:F2} s and {largeIndexMb:F0} MB of heap ({stores.LargeStories:#,0})");
        var chunks = smallHost.Sources.Chunk((smallHost.Sources.Count + Chunks - 1) / Chunks).ToList();
        var smallRun = new Run();
        var largeRun = new Run();
        for (var c = 0; c < chunks.Count; c++)
        {
            // Alternate which store goes first, so neither always follows the other's page-cache state.
            var order = c % 2 == 0 ? new[] { (smallHost, smallRun), (largeHost, largeRun) } : [(largeHost, largeRun), (smallHost, smallRun)];
            foreach (var (host, run) in order)
            {
                await run.MeasureAsync(host, chunks[c], cancellationToken);
            }
        }

        log.WriteLine($"  realistic feeds: {smallRun.ItemsPerSecond:#,0} items/s into {StoreSet.SmallStories:#,0} stories, {largeRun.ItemsPerSecond:#,0} items/s into {stores.LargeStories:#,0}");
        var repoll = new Run();
        await repoll.MeasureAsync(smallHost, chunks[0], cancellationToken);

        var crowdedRun = new Run();
        using (var crowdedHost = new CollectorHost(await stores.CopyAsync("crowded", StoreSet.SmallStories, cancellationToken), crowded, context.TopicsFile, time))
        {
            await crowdedHost.WarmUpAsync(cancellationToken);
            await crowdedRun.MeasureAsync(crowdedHost, crowdedHost.Sources, cancellationToken);
        }

        // The baseline: the same corpus's rows written by prepared statements alone, into fresh copies of both stores.
        var floorSmall = await StorageFloor.ItemsPerSecondAsync(await stores.CopyAsync("floor-small", StoreSet.SmallStories, cancellationToken), realistic, cancellationToken);
        var floorLarge = await StorageFloor.ItemsPerSecondAsync(await stores.CopyAsync("floor-large", stores.LargeStories, cancellationToken), realistic, cancellationToken);
        log.WriteLine($"  storage floor: {floorSmall:#,0} items/s into {StoreSet.SmallStories:#,0} stories, {floorLarge:#,0} items/s into {stores.LargeStories:#,0}");

        SqliteConnection.ClearAllPools();
        var itemsPerSecond = smallRun.ItemsPerSecond;
        var ratio = largeRun.SecondsPerItem / smallRun.SecondsPerItem;
        var json = new JsonObject
        {
            ["items_per_s"] = Math.Round(itemsPerSecond),
            ["cost_ratio_1m_vs_10k"] = Math.Round(ratio, 3),
            ["items_per_s_1m"] = Math.Round(largeRun.ItemsPerSecond),
            ["crowded_items_per_s"] = Math.Round(crowdedRun.ItemsPerSecond),
            ["repoll_items_per_s"] = Math.Round(repoll.ItemsPerSecond),
            ["parse_only_items_per_s"] = Math.Round(items / parseSeconds),
            ["ingest_vs_parse_cost"] = Math.Round(smallRun.SecondsPerItem / (parseSeconds / items), 2),
            ["storage_floor_items_per_s_10k"] = Math.Round(floorSmall),
            ["storage_floor_items_per_s_large"] = Math.Round(floorLarge),
            ["storage_floor_cost_ratio"] = Math.Round(floorSmall / floorLarge, 3),
            ["ingest_fraction_of_floor_10k"] = Math.Round(itemsPerSecond / floorSmall, 3),
            ["feeds"] = feeds,
            ["items"] = items,
            ["new_stories_10k"] = smallRun.NewStories,
            ["joined_stories_10k"] = smallRun.Joined,
            ["crowded_items"] = crowdedItems,
            ["crowded_joined"] = crowdedRun.Joined,
            ["stories_small"] = StoreSet.SmallStories,
            ["stories_large"] = stores.LargeStories,
            ["large_store_built_s"] = Math.Round(stores.LargeBuildSeconds, 1),
            ["title_index_read_s_10k"] = Math.Round(smallWarmUp, 2),
            ["title_index_read_s_large"] = Math.Round(largeWarmUp, 2),
            ["title_index_heap_mb_large"] = Math.Round(largeIndexMb, 1),
        };
        return new SectionResult(Section, json,
        [
            Goal.AtLeast(Section, "items/s, realistic feeds, 10k-story store", itemsPerSecond, "items/s", 50_000),
            Goal.AtMost(Section, $"cost per item, {Stories(stores.LargeStories)} vs 10k stories", ratio, "x", 1.3),
            Goal.Info(Section, $"items/s, realistic feeds, {Stories(stores.LargeStories)}-story store", largeRun.ItemsPerSecond, "items/s"),
            Goal.Info(Section, "items/s, crowded-vocabulary feed", crowdedRun.ItemsPerSecond, "items/s"),
            Goal.Info(Section, "items/s, re-poll (all items known)", repoll.ItemsPerSecond, "items/s"),
            Goal.Info(Section, "items/s, parsing alone (baseline)", items / parseSeconds, "items/s"),
            Goal.Info(Section, "items/s, storage floor, 10k stories (the rows alone, baseline)", floorSmall, "items/s"),
            Goal.Info(Section, $"items/s, storage floor, {Stories(stores.LargeStories)} stories", floorLarge, "items/s"),
        ]);
    }

    private static string Stories(int count) => count % 1_000_000 == 0 ? $"{count / 1_000_000}M" : $"{count / 1_000}k";

    /// <summary>The corpus through the parser alone, one file after another: what ingest costs on top of reading.</summary>
    private static double ParseOnly(string sourcesFile)
    {
        var parser = new FeedParser(maxItems: 1_000_000);
        var files = SourcesFileReader.Read(sourcesFile, TimeSpan.FromMinutes(15)).Select(s => File.ReadAllBytes(s.Location)).ToList();
        var stopwatch = Stopwatch.StartNew();
        foreach (var file in files)
        {
            parser.Parse(file, new FeedParseContext(new Uri("https://bench.example/feed")));
        }

        return stopwatch.Elapsed.TotalSeconds;
    }

    private sealed class Run
    {
        private double _seconds;
        private long _items;

        public long NewStories { get; private set; }

        public long Joined { get; private set; }

        public double ItemsPerSecond => _items / _seconds;

        public double SecondsPerItem => _seconds / _items;

        public async Task MeasureAsync(CollectorHost host, IEnumerable<SourceDefinition> sources, CancellationToken cancellationToken)
        {
            var stopwatch = Stopwatch.StartNew();
            var outcomes = await host.CollectAsync(sources, cancellationToken);
            // Stories still waiting for the search index's next batch are indexed on the clock: that is ingest's work.
            await host.IndexForSearchAsync(cancellationToken);
            _seconds += stopwatch.Elapsed.TotalSeconds;
            _items += outcomes.Sum(o => o.Ingest.ItemsInFeed);
            NewStories += outcomes.Sum(o => o.Ingest.NewStories);
            Joined += outcomes.Sum(o => o.Ingest.JoinedExistingStories);
        }
    }
}
