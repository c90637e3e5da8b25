using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Feeds.Fetching;
using System.Globalization;
using System.Xml;
using BotHost.Core.Collecting;
using BotHost.Core.Feeds;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Collecting;

/// <summary>A parse or ingest failure of any kind fails its own source (recorded, backed off) and nothing else.</summary>
public sealed class CollectorFailureTests
{
    private static readonly Entry Kafka = new("a-1", "Why LinkedIn built Kafka and what it changed", "https://blog.example.com/kafka", Description: "A history of the log-based message broker.");
    private static readonly Entry Sagas = new("a-2", "Distributed transactions: two-phase commit versus sagas", "https://blog.example.com/sagas", Description: "Compensating transactions explained.");
    private static readonly Entry Wal = new("b-1", "How the SQLite write-ahead log works", "https://other.example.org/wal", Description: "Readers never block writers, and why.");
    private static readonly Entry Fsync = new("b-2", "What fsync really promises on Linux", "https://other.example.org/fsync", Description: "Durability, caches and lies.");

    public static TheoryData<string> ExceptionKinds { get; } = new()
    {
        nameof(InvalidOperationException),
        nameof(NullReferenceException),
        nameof(IndexOutOfRangeException),
        nameof(XmlException),
        nameof(InsufficientExecutionStackException),
        nameof(OperationCanceledException),
    };

    [Theory]
    [MemberData(nameof(ExceptionKinds))]
    public async Task Collect_WhenParserThrowsAnyException_FailsThatSourceWithBackoffAndCollectsTheOthers(string kind)
    {
        var parser = new ScriptedParser();
        await using var host = await CoreTestHost.StartAsync(configure: s => s.AddSingleton<IFeedDocumentParser>(parser));
        host.WriteFeed("good.xml", Rss("Good", Kafka));
        host.WriteFeed("bad.xml", Rss("Bad", Wal));
        host.WriteSources(("Good", "good.xml"), ("Bad", "bad.xml"));
        await host.CollectAllAsync();
        host.WriteFeed("good.xml", Rss("Good", Kafka, Sagas));
        host.WriteFeed("bad.xml", Rss("Bad", Wal, Fsync));
        parser.Script("bad.xml", _ => throw Create(kind));

        var outcomes = await host.CollectAllAsync();

        var bad = outcomes.Single(o => o.SourceName == "Bad");
        var good = outcomes.Single(o => o.SourceName == "Good");
        Assert.Equal(CollectionStatus.Failed, bad.Status);
        Assert.Contains(kind, bad.Error, StringComparison.Ordinal);
        Assert.Equal(CollectionStatus.Collected, good.Status);
        Assert.Equal(1, good.Ingest.NewItems);
        Assert.Equal(["1"], await host.QueryStringsAsync("SELECT consecutive_failures FROM sources WHERE name = 'Bad'"));
        Assert.Contains(kind, Assert.Single(await host.QueryStringsAsync("SELECT last_error FROM sources WHERE name = 'Bad'")), StringComparison.Ordinal);
        var nextFetch = long.Parse(Assert.Single(await host.QueryStringsAsync("SELECT next_fetch_at FROM sources WHERE name = 'Bad'")), CultureInfo.InvariantCulture);
        Assert.True(nextFetch > host.Time.GetUtcNow().ToUnixTimeMilliseconds(), "a failed source must be backed off");
        Assert.Equal([Wal.Title], await host.QueryStringsAsync("SELECT i.title FROM items i JOIN sources s ON s.id = i.source_id WHERE s.name = 'Bad'"));
    }

    [Fact]
    public async Task Collect_WhenStorageFailsMidFeed_StoresNoItemOfThatFeedAndRecordsWhy()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.ExecuteAsync(
            "CREATE TRIGGER fail_second_item BEFORE INSERT ON items WHEN NEW.title = 'What fsync really promises on Linux' " +
            "BEGIN SELECT RAISE(ABORT, 'simulated storage fault'); END");
        host.WriteFeed("good.xml", Rss("Good", Kafka, Sagas));
        host.WriteFeed("bad.xml", Rss("Bad", Wal, Fsync));
        host.WriteSources(("Good", "good.xml"), ("Bad", "bad.xml"));

        var outcomes = await host.CollectAllAsync();

        await AssertOnlyBadFailedAsync(host, outcomes, "simulated storage fault", Kafka.Title, Sagas.Title);
        Assert.Equal(["0"], await host.QueryStringsAsync("SELECT first_fetch_done FROM sources WHERE name = 'Bad'"));
    }

    [Fact]
    public async Task Collect_WhenIngestHitsABugMidFeed_StoresNoItemOfThatFeedAndRecordsWhy()
    {
        var parser = new ScriptedParser();
        await using var host = await CoreTestHost.StartAsync(configure: s => s.AddSingleton<IFeedDocumentParser>(parser));
        host.WriteFeed("good.xml", Rss("Good", Kafka));
        host.WriteFeed("bad.xml", Rss("Bad", Wal));
        host.WriteSources(("Good", "good.xml"), ("Bad", "bad.xml"));
        var valid = new FeedItem("b-1", Wal.Title, Wal.Link, null, null, Wal.Description, []);
        var broken = valid with { Id = "b-2", Title = null!, Url = "https://other.example.org/broken" };
        parser.Script("bad.xml", _ => new ParsedFeed(FeedFormat.Rss2, "Bad", null, [valid, broken], []));

        var outcomes = await host.CollectAllAsync();

        await AssertOnlyBadFailedAsync(host, outcomes, "Storing its items failed", Kafka.Title);
    }

    /// <summary>"Bad" failed once with <paramref name="error"/> and stored no item; "Good" was collected; the stories are exactly <paramref name="storyTitles"/>.</summary>
    private static async Task AssertOnlyBadFailedAsync(CoreTestHost host, IReadOnlyList<CollectionOutcome> outcomes, string error, params string[] storyTitles)
    {
        var bad = outcomes.Single(o => o.SourceName == "Bad");
        Assert.Equal(CollectionStatus.Failed, bad.Status);
        Assert.Contains(error, bad.Error, StringComparison.Ordinal);
        Assert.Equal(CollectionStatus.Collected, outcomes.Single(o => o.SourceName == "Good").Status);
        Assert.Empty(await host.QueryStringsAsync("SELECT i.id FROM items i JOIN sources s ON s.id = i.source_id WHERE s.name = 'Bad'"));
        Assert.Equal(storyTitles.Order(), (await host.QueryStringsAsync("SELECT title FROM stories")).Order());
        Assert.Equal(["1"], await host.QueryStringsAsync("SELECT consecutive_failures FROM sources WHERE name = 'Bad'"));
    }

    private static Exception Create(string kind) => kind switch
    {
        nameof(InvalidOperationException) => new InvalidOperationException("parser state machine confused"),
        nameof(NullReferenceException) => new NullReferenceException("an element the parser expected was missing"),
        nameof(IndexOutOfRangeException) => new IndexOutOfRangeException("read past the buffer"),
        nameof(XmlException) => new XmlException("unexpected end of file", null, 3, 14),
        nameof(InsufficientExecutionStackException) => new InsufficientExecutionStackException("nested too deeply"),
        nameof(OperationCanceledException) => new OperationCanceledException("an internal timeout of the parser, not the caller's cancellation"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such exception kind in this test"),
    };
}
