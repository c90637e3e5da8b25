using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Feeds.Fetching;
using System.Text;
using BotHost.Core.Collecting;
using BotHost.Core.Feeds;
using BotHost.Core.Sources;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Collecting;

/// <summary>Shutdown (the job's token cancelled) in the middle of storing a feed.</summary>
public sealed class CollectorCancellationTests
{
    private static readonly Entry[] Posts =
    [
        new("p-1", "How the SQLite write-ahead log works", "https://blog.example.com/wal", Description: "Readers never block writers, and why."),
        new("p-2", "Why LinkedIn built Kafka and what it changed", "https://blog.example.com/kafka", Description: "A history of the log-based message broker."),
        new("p-3", "Distributed transactions: two-phase commit versus sagas", "https://blog.example.com/sagas", Description: "Compensating transactions explained."),
    ];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collect_WhenCancelledInsideTheIngestTransaction_RollsBackAndARestartStoresEachItemOnce()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        var parser = new ScriptedParser();
        var before = await CoreTestHost.StartAsync(directory, configure: s => s.AddSingleton<IFeedDocumentParser>(parser));
        before.WriteFeed("blog.xml", Rss("Blog", Posts));
        before.WriteSources(("Blog", "blog.xml"));
        var parsed = new FeedParser().Parse(Encoding.UTF8.GetBytes(Rss("Blog", Posts)), new FeedParseContext(new Uri("https://blog.example.com/feed")), Token);
        var stalling = new StallingItems(parsed.Items, stallBefore: 2);
        parser.Script("blog.xml", _ => parsed with { Items = stalling });
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var source = before.Services.GetRequiredService<SourceCatalog>().Sources.Single();

        var collect = before.Services.GetRequiredService<CollectionRound>().CollectOneAsync(source, force: true, shutdown.Token);
        await stalling.Reached.Task.WaitAsync(BlockingParse.SignalTimeout, Token);
        await shutdown.CancelAsync();
        stalling.Resume();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collect.WaitAsync(BlockingParse.SignalTimeout, Token));
        Assert.Equal(["ok"], await before.QueryStringsAsync("PRAGMA integrity_check"));
        Assert.Equal(0, await before.CountAsync("items"));
        Assert.Equal(0, await before.CountAsync("stories"));
        Assert.Equal(0, await before.CountAsync("story_mentions"));
        Assert.Equal(["0|0|<null>"], await before.QueryStringsAsync("SELECT first_fetch_done || '|' || consecutive_failures || '|' || COALESCE(last_error, '<null>') FROM sources"));
        await before.StopAsync();

        await using var after = await CoreTestHost.StartAsync(directory);
        var first = Assert.Single(await after.CollectAllAsync());
        var second = Assert.Single(await after.CollectAllAsync());

        Assert.Equal(3, first.Ingest.NewItems);
        Assert.Equal(0, second.Ingest.NewItems);
        Assert.Equal(3, await after.CountAsync("items"));
        Assert.Equal(3, await after.CountAsync("stories"));
    }
}
