using BotHost.Core.Collecting;
using BotHost.Core.Delivery;
using BotHost.Core.Storage;
using BotHost.Core.Scheduling;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Tests.Hosting;

public sealed class OfflineRunTests
{
    [Fact]
    public async Task Run_WithoutToken_CollectsSamplesMergesCrossSiteStoriesAndDropsNoiseAndOffTopicItems()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var sources = Path.Combine(directory, "sources.json");
        await File.WriteAllTextAsync(sources, $$"""
            { "sources": [
              { "name": "dev.to", "url": "{{Esc(Path.Combine(RepoPaths.Samples, "devto-backend.xml"))}}", "topics": ["backend", "architecture"] },
              { "name": "Hacker News", "url": "{{Esc(Path.Combine(RepoPaths.Samples, "hackernews.xml"))}}", "weight": 1.5 },
              { "name": "Lobsters", "url": "{{Esc(Path.Combine(RepoPaths.Samples, "lobsters.xml"))}}", "weight": 1.2 } ] }
            """, TestContext.Current.CancellationToken);
        var builder = BotHostApplication.CreateBuilder(forCli: false, overrides: new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Feeds:SourcesFile"] = sources,
            ["Curation:TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
            ["Digests:MaxStories"] = "25",
            ["Digests:MaxPerSource"] = "25",
            ["Discord:Token"] = "",
        });
        var firstRound = new FirstRoundSignal();
        builder.Services.AddSingleton<ICollectionListener>(firstRound);
        var console = new StringWriter();
        builder.Services.AddSingleton<ISink>(new ConsoleSink(console));
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var outcomes = await firstRound.Completed.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var delivery = await LocalDeliveryAsync(host);
        await host.StopAsync(TestContext.Current.CancellationToken);
        var cards = delivery.Parts.SelectMany(p => p.Part.Cards).ToList();
        var digest = new { Stories = cards.Select(c => new { Title = c.Title![(c.Title!.IndexOf(". ", StringComparison.Ordinal) + 2)..].Replace("\\", "", StringComparison.Ordinal), Sources = SourcesOf(c.Description!) }).ToList() };

        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.All(delivery.Parts, p => Assert.True(p.Sent));
        Assert.Contains("--- message 1 of", console.ToString(), StringComparison.Ordinal);
        Assert.Contains("also on Hacker News", console.ToString(), StringComparison.Ordinal);
        var devto = outcomes.Single(o => o.SourceName == "dev.to");
        Assert.Equal(CollectionStatus.Collected, devto.Status);
        Assert.Contains(devto.Ingest.Dropped, d => d.Title == "Latest DevOps news from Tech News");
        Assert.Contains(devto.Ingest.Dropped, d => d.Title.StartsWith("Disclosure:", StringComparison.Ordinal));
        var offTopic = Assert.Single(devto.Ingest.Dropped, d => d.Reason == "off-topic");
        Assert.Equal("The Letter VCs Are Quietly Deleting from ARR", offTopic.Title);
        Assert.DoesNotContain(digest.Stories, s => s.Title.StartsWith("The Letter VCs", StringComparison.Ordinal));
        Assert.Single(digest.Stories, s => s.Title.StartsWith("Shipping 12,000+ Lines", StringComparison.Ordinal));
        Assert.DoesNotContain(digest.Stories, s => s.Title.StartsWith("Latest DevOps news", StringComparison.Ordinal));
        var outbox = Assert.Single(digest.Stories, s => s.Title.StartsWith("Event-Driven Architecture", StringComparison.Ordinal));
        Assert.Equal(["dev.to", "Hacker News"], outbox.Sources);
        var excel = Assert.Single(digest.Stories, s => s.Title.Contains("Excel Cells", StringComparison.Ordinal));
        Assert.Contains("Hacker News", excel.Sources);
        var wal = Assert.Single(digest.Stories, s => s.Title.Contains("rite-ahead log", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["Hacker News", "Lobsters"], wal.Sources.Order());
        Assert.Single(digest.Stories, s => s.Title.StartsWith("Ask HN: How do you run scheduled jobs", StringComparison.Ordinal));
    }

    private static async Task<OutboxDelivery> LocalDeliveryAsync(IHost host)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM digest_deliveries WHERE guild_id = 0 AND channel_id = 1";
        var id = (long)(await command.ExecuteScalarAsync(ct))!;
        return (await host.Services.GetRequiredService<OutboxStore>().LoadAsync(id, ct))!;
    }

    // "from **dev.to** · also on Hacker News, Lobsters" → [dev.to, Hacker News, Lobsters]
    private static List<string> SourcesOf(string description)
    {
        var line = description.Split('\n').Single(l => l.StartsWith("from **", StringComparison.Ordinal));
        var first = line[7..line.IndexOf("**", 7, StringComparison.Ordinal)];
        var also = line.Contains(" · also on ", StringComparison.Ordinal) ? line[(line.IndexOf(" · also on ", StringComparison.Ordinal) + 11)..].Split(", ") : [];
        return [first.Replace("\\", "", StringComparison.Ordinal), .. also.Select(a => a.Replace("\\", "", StringComparison.Ordinal))];
    }

    private static string Esc(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
}
