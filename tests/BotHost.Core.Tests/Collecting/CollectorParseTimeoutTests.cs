using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Feeds.Fetching;
using System.Text;
using BotHost.Core.Collecting;
using BotHost.Core.Feeds;
using BotHost.Core.Sources;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Collecting;

/// <summary>Feeds:ParseTimeoutSeconds on the fake clock, and a parse that never ends cannot hold the collector.</summary>
public sealed class CollectorParseTimeoutTests
{
    private const int BoundSeconds = 5;

    private static readonly Entry Kafka = new("a-1", "Why LinkedIn built Kafka and what it changed", "https://blog.example.com/kafka", Description: "A history of the log-based message broker.");
    private static readonly Entry Wal = new("s-1", "How the SQLite write-ahead log works", "https://slow.example.org/wal", Description: "Readers never block writers, and why.");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Collect_WhenParseRunsPastTheBound_FailsThatSourceSayingSoWhileOthersAreCollected()
    {
        var parser = new ScriptedParser();
        await using var host = await StartAsync(parser);
        using var slow = new BlockingParse();
        parser.Script("slow.xml", slow.HonouringToken);

        var stuck = CollectAsync(host, "Slow");
        await slow.Started.Task.WaitAsync(BlockingParse.SignalTimeout, Token);
        var other = await CollectAsync(host, "Good").WaitAsync(BlockingParse.SignalTimeout, Token);
        host.Time.Advance(TimeSpan.FromSeconds(BoundSeconds + 1));
        var outcome = await stuck.WaitAsync(BlockingParse.SignalTimeout, Token);

        Assert.Equal(CollectionStatus.Collected, other.Status);
        Assert.Equal(CollectionStatus.Failed, outcome.Status);
        Assert.Contains($"Parsing took longer than Feeds:ParseTimeoutSeconds ({BoundSeconds} s)", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Parsing took longer", Assert.Single(await host.QueryStringsAsync("SELECT last_error FROM sources WHERE name = 'Slow'")), StringComparison.Ordinal);
        Assert.Equal(["1"], await host.QueryStringsAsync("SELECT consecutive_failures FROM sources WHERE name = 'Slow'"));
        Assert.Empty(await host.QueryStringsAsync("SELECT i.id FROM items i JOIN sources s ON s.id = i.source_id WHERE s.name = 'Slow'"));
        await slow.Ended.Task.WaitAsync(BlockingParse.SignalTimeout, Token);
    }

    [Fact]
    public async Task Collect_WhenParseFinishesJustInsideTheBound_StoresItsItems()
    {
        var parser = new ScriptedParser();
        await using var host = await StartAsync(parser);
        var item = new FeedItem(Wal.Guid, Wal.Title, Wal.Link, null, null, Wal.Description, []);
        using var slow = new BlockingParse { Result = new ParsedFeed(FeedFormat.Rss2, "Slow", null, [item], []) };
        parser.Script("slow.xml", slow.IgnoringToken);

        var collect = CollectAsync(host, "Slow");
        await slow.Started.Task.WaitAsync(BlockingParse.SignalTimeout, Token);
        host.Time.Advance(TimeSpan.FromSeconds(BoundSeconds - 1));
        slow.Release();
        var outcome = await collect.WaitAsync(BlockingParse.SignalTimeout, Token);

        Assert.Equal(CollectionStatus.Collected, outcome.Status);
        Assert.Equal(1, outcome.Ingest.NewItems);
    }

    [Fact]
    public async Task Collect_WhenParseIgnoresItsToken_StopsWaitingAtTheBoundAndParsesThatFeedAgainOnlyOnceTheOldParseEnded()
    {
        var parser = new ScriptedParser();
        var logs = new CapturingLoggerProvider();
        await using var host = await StartAsync(parser, logs);
        using var runaway = new BlockingParse();
        parser.Script("slow.xml", runaway.IgnoringToken);

        var first = CollectAsync(host, "Slow");
        await runaway.Started.Task.WaitAsync(BlockingParse.SignalTimeout, Token);
        host.Time.Advance(TimeSpan.FromSeconds(BoundSeconds + 1));
        var timedOut = await first.WaitAsync(BlockingParse.SignalTimeout, Token);
        parser.Unscript("slow.xml");
        var whileStillRunning = await CollectAsync(host, "Slow").WaitAsync(BlockingParse.SignalTimeout, Token);
        runaway.Release();
        await logs.WaitForAsync("The abandoned parse of Slow ended");
        var afterItEnded = await CollectAsync(host, "Slow").WaitAsync(BlockingParse.SignalTimeout, Token);

        Assert.Equal(CollectionStatus.Failed, timedOut.Status);
        Assert.Contains("Parsing took longer than Feeds:ParseTimeoutSeconds", timedOut.Error, StringComparison.Ordinal);
        Assert.Equal(CollectionStatus.Failed, whileStillRunning.Status);
        Assert.Contains("has still not stopped", whileStillRunning.Error, StringComparison.Ordinal);
        Assert.Equal(CollectionStatus.Collected, afterItEnded.Status);
        Assert.Equal([Wal.Title], await host.QueryStringsAsync("SELECT i.title FROM items i JOIN sources s ON s.id = i.source_id WHERE s.name = 'Slow'"));
        Assert.Contains(logs.Lines, l => l.Contains("A parse of Slow did not stop when asked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_WhenCancelledDuringAParseThatNeverEnds_ThrowsPromptlyAndRecordsNothing()
    {
        var parser = new ScriptedParser();
        await using var host = await StartAsync(parser);
        using var runaway = new BlockingParse();
        parser.Script("slow.xml", runaway.IgnoringToken);
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var collect = CollectAsync(host, "Slow", shutdown.Token);
        await runaway.Started.Task.WaitAsync(BlockingParse.SignalTimeout, Token);
        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collect.WaitAsync(BlockingParse.SignalTimeout, Token));
        Assert.False(runaway.Ended.Task.IsCompleted, "the parse was still running when the collector gave up on it");
        Assert.Equal(["0|<null>"], await host.QueryStringsAsync("SELECT consecutive_failures || '|' || COALESCE(last_error, '<null>') FROM sources WHERE name = 'Slow'"));
    }

    [Fact]
    public void FeedParser_WhenItsTokenIsCancelled_StopsInsteadOfReadingTheRestOfTheFeed()
    {
        var adapter = new ServiceCollection().AddSingleton(new FeedParser()).AddSingleton<IFeedDocumentParser, FeedParserAdapter>()
            .BuildServiceProvider().GetRequiredService<IFeedDocumentParser>();
        var body = Encoding.UTF8.GetBytes(Rss("Blog", Kafka, Wal));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var parsed = adapter.Parse(body, new FeedParseContext(new Uri("https://blog.example.com/feed")), Token);

        Assert.Equal(2, parsed.Items.Count);
        Assert.Throws<OperationCanceledException>(() => adapter.Parse(body, new FeedParseContext(new Uri("https://blog.example.com/feed")), cancelled.Token));
    }

    private static async Task<CoreTestHost> StartAsync(ScriptedParser parser, CapturingLoggerProvider? logs = null)
    {
        var host = await CoreTestHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Feeds:ParseTimeoutSeconds"] = BoundSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            configure: s =>
            {
                s.AddSingleton<IFeedDocumentParser>(parser);
                if (logs is not null)
                {
                    s.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
                }
            });
        host.WriteFeed("good.xml", Rss("Good", Kafka));
        host.WriteFeed("slow.xml", Rss("Slow", Wal));
        host.WriteSources(("Good", "good.xml"), ("Slow", "slow.xml"));
        return host;
    }

    private static Task<CollectionOutcome> CollectAsync(CoreTestHost host, string name, CancellationToken? cancellationToken = null)
    {
        var source = host.Services.GetRequiredService<SourceCatalog>().Sources.Single(s => s.Name == name);
        return host.Services.GetRequiredService<CollectionRound>().CollectOneAsync(source, force: true, cancellationToken ?? Token);
    }
}
