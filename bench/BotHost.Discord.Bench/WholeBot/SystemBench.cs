using System.Diagnostics;
using System.Globalization;
using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Bench.Corpus;
using BotHost.Testing.FakeDiscord;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Bench.WholeBot;

/// <summary>
/// Benchmarks 2-4 of issue 13 in one run: a copy of the cached N-story corpus gets the scale's subscriptions (one per
/// fan-out channel named "fanout", the rest ordinary daily ones due later in the day); the bot runs as its own
/// process (<see cref="BotProcess"/>) against this process's loopback fake Discord with Discord's limits scaled;
/// the fan-out is read from what the fake received, then rounds of concurrent /search and /latest go to the bot's
/// HTTP interactions endpoint, the bot reports its peak working set, and the /search queries are timed on their own.
/// </summary>
internal static class SystemBench
{
    public static async Task<int> RunAsync(bool quick, string repositoryRoot, CancellationToken cancellationToken)
    {
        var scale = quick ? SystemScale.QuickRun : SystemScale.Full;
        var corpus = await StoryCorpus.EnsureAsync(Path.Combine(repositoryRoot, "bench", ".corpus"), scale.Stories, cancellationToken);
        var work = Directory.CreateTempSubdirectory("bothost-system-bench-");
        try
        {
            var database = Path.Combine(work.FullName, "bothost.db");
            File.Copy(corpus, database);
            var offset = StoryCorpus.Now - DateTimeOffset.UtcNow;
            var seedWatch = Stopwatch.StartNew();
            await SeedSubscriptionsAsync(database, scale, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scale.Subscriptions:N0} subscriptions ({scale.FanoutChannels:N0} in the fan-out) written in {seedWatch.Elapsed.TotalSeconds:F1} s"));

            await using var discord = await FakeDiscordServer.StartAsync(cancellationToken: cancellationToken);
            discord.Rest.Options.GlobalLimit = SystemScale.GlobalLimit;
            discord.Rest.Options.BucketLimit = SystemScale.BucketLimit;
            discord.Rest.Options.BucketWindow = SystemScale.BucketWindow;
            var signer = new FakeInteractionSigner();
            var sources = Path.Combine(work.FullName, "sources.json");
            await File.WriteAllTextAsync(sources, """{ "sources": [] }""", cancellationToken);

            await using var bot = BotChild.Start(repositoryRoot, offset, new Dictionary<string, string>
            {
                ["Storage__DatabasePath"] = database,
                ["Feeds__SourcesFile"] = sources,
                ["Curation__TopicsFile"] = Path.Combine(repositoryRoot, "config", "topics.json"),
                ["Discord__Token"] = discord.Rest.Options.Token,
                ["Discord__ApiBaseUrl"] = discord.ApiBaseUri.ToString(),
                ["Discord__GatewayUrl"] = discord.GatewayUri.ToString(),
                ["Discord__Rest__GlobalRequestsPerSecond"] = SystemScale.GlobalLimit.ToString(CultureInfo.InvariantCulture),
                ["Discord__InteractionsEndpoint__Enabled"] = "true",
                ["Discord__InteractionsEndpoint__Url"] = "http://127.0.0.1:0/interactions",
                ["Discord__InteractionsEndpoint__PublicKey"] = signer.PublicKeyHex,
            });
            var composed = await bot.ExpectAsync("composed", cancellationToken);
            var harnessCpu = PeakWorkingSet.CpuSeconds();
            var started = await bot.ExpectAsync("started", cancellationToken);
            var delivered = await bot.ExpectAsync("delivered", cancellationToken);
            harnessCpu = PeakWorkingSet.CpuSeconds() - harnessCpu;
            var fanout = FanoutMeasure.From(discord.Rest);

            var queries = SearchQueries.Make(200, seed: 29);
            var load = new InteractionLoad(discord, new Uri(started["endpoint"]), signer, offset);
            var interactions = await load.RunAsync(queries, scale.Concurrency, scale.InteractionRounds, cancellationToken);
            await bot.SendAsync("quit");
            var final = await bot.ExpectAsync("final", cancellationToken);
            await bot.WaitForExitAsync(cancellationToken);

            var searchTimes = await SearchTiming.MeasureAsync(database, Path.Combine(repositoryRoot, "config", "topics.json"), offset, queries, cancellationToken);
            var report = new SystemReport(scale, composed, delivered, final, fanout, fanout.PostsPerSecond, interactions, searchTimes, harnessCpu);
            report.Print();
            report.Save(Path.Combine(repositoryRoot, "bench", "results", "latest.json"));
            // A missed goal is a result (marked in the table and in latest.json), not a failure of the run.
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    /// <summary>One "fanout" subscription per fan-out channel, then ordinary daily ones in other channels; all due after the run.</summary>
    private static async Task SeedSubscriptionsAsync(string database, SystemScale scale, CancellationToken cancellationToken)
    {
        var store = new SubscriptionStore(new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = database })));
        for (var i = 0; i < scale.Subscriptions; i++)
        {
            var fanout = i < scale.FanoutChannels;
            await store.UpsertAsync(new Subscription
            {
                Channel = new ChannelKey(77, (ulong)(2_000_000 + i)),
                Name = fanout ? BotProcess.FanoutName : "daily",
                // 13:00-22:59 on the corpus clock (its "now" is 12:00), so no schedule fires during the run.
                DeliveryTime = new TimeOnly(13, 0).AddMinutes(i % 600),
                Size = 10,
                // Created an hour ago: yesterday's delivery time predates it, so starting the bot catches nothing up.
                UpdatedAt = StoryCorpus.Now - TimeSpan.FromHours(1),
            }, cancellationToken);
        }
    }
}
