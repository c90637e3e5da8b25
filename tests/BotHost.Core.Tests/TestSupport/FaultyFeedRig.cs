using System.Globalization;
using BotHost.Core.Collecting;
using BotHost.Testing.Feeds;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.TestSupport;

/// <summary>
/// One source ("Blog") served by a loopback server, collected by a <see cref="CoreTestHost"/> with a 1 MiB body
/// cap and a 30 s fetch deadline on the fake clock; plus the named server faults the fault suites use.
/// </summary>
public sealed class FaultyFeedRig : IAsyncDisposable
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const long FiftyMegabytes = 50L * 1024 * 1024;

    /// <summary>Real-time bound on one collection; the fetch deadline itself runs on the fake clock.</summary>
    public static readonly TimeSpan CollectBound = TimeSpan.FromSeconds(20);

    public static readonly Entry Wal = new("p-1", "How the SQLite write-ahead log works", "https://blog.example.com/wal", Description: "Readers never block writers, and why.");
    public static readonly Entry Kafka = new("p-2", "Why LinkedIn built Kafka and what it changed", "https://blog.example.com/kafka", Description: "A history of the log-based message broker.");

    /// <summary>Every stored story and item, one line each; compared before and after a fault.</summary>
    public const string StoredSql =
        "SELECT 'story ' || id || ' ' || title || ' ' || mention_count FROM stories UNION ALL SELECT 'item ' || id || ' ' || title FROM items";

    private FaultyFeedRig(LoopbackFeedServer server, CoreTestHost host)
    {
        Server = server;
        Host = host;
    }

    public LoopbackFeedServer Server { get; }

    public CoreTestHost Host { get; }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<FaultyFeedRig> StartAsync()
    {
        var server = await LoopbackFeedServer.StartAsync(Token);
        var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Feeds:AllowPrivateAddresses"] = "true",
            ["Feeds:MaxBodyBytes"] = MaxBodyBytes.ToString(CultureInfo.InvariantCulture),
            ["Feeds:TimeoutSeconds"] = "30",
        });
        host.WriteSourceUrls(("Blog", server.Url("/feed.xml")));
        return new FaultyFeedRig(server, host);
    }

    /// <summary>A named server fault and a fragment of the error the source must record for it.</summary>
    public static (LoopbackResponse Response, string Expected) Fault(string fault) => fault switch
    {
        "charset declared utf-16 on a utf-8 body" => (
            LoopbackResponse.Text(Rss("Blog", Wal, Kafka), "application/rss+xml; charset=utf-16"),
            "neither XML nor JSON"),
        "quadratic-blowup entities" => (
            LoopbackResponse.Text("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"" + new string('a', 50_000) + "\">]><rss version=\"2.0\"><channel><title>"
                + string.Concat(Enumerable.Repeat("&a;", 50_000)) + "</title></channel></rss>"),
            "declares entities"),
        "an HTML page instead of a feed" => (
            LoopbackResponse.Text("<!doctype html><html><head><title>Blog</title><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head><body>Moved</body></html>", "text/html; charset=utf-8"),
            "HTML page, not a feed"),
        "an empty 200" => (LoopbackResponse.Text(string.Empty), "empty (0 bytes)"),
        "a 50 MB body with its Content-Length" => (
            new LoopbackResponse { Body = new byte[FiftyMegabytes], Headers = new Dictionary<string, string> { ["Content-Type"] = "application/rss+xml" } },
            $"over the {MaxBodyBytes}-byte cap"),
        // Chunked, so only reading tells the size. The server hands Kestrel the first 4 MB and the rest only
        // once that is read, so its own buffers stay small and allocation counts measure the collector.
        "a 50 MB chunked body" => (
            new LoopbackResponse { Body = new byte[FiftyMegabytes], StallAfterBytes = 4 * MaxBodyBytes, Headers = new Dictionary<string, string> { ["Content-Type"] = "application/rss+xml" } },
            $"passed the {MaxBodyBytes}-byte cap"),
        "a gzip bomb" => (LoopbackResponse.GzippedZeros(FiftyMegabytes), "counted after decompression"),
        "304 without validators" => (LoopbackResponse.StatusOnly(304), "304 Not Modified to a request that carried no validators"),
        "a 500" => (LoopbackResponse.StatusOnly(500), "HTTP 500"),
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "no such fault in the suite"),
    };

    /// <summary>Serves and collects a good feed of two items; returns what was stored.</summary>
    public async Task<List<string>> CollectGoodFeedAsync()
    {
        Server.Map("/feed.xml", LoopbackResponse.Text(Rss("Blog", Wal, Kafka)));
        var outcome = await CollectAsync();
        Assert.Equal(CollectionStatus.Collected, outcome.Status);
        Assert.Equal(2, outcome.Ingest.NewItems);
        return await Host.QueryStringsAsync(StoredSql);
    }

    public async Task<CollectionOutcome> CollectAsync() =>
        Assert.Single(await Host.CollectAllAsync().WaitAsync(CollectBound, Token));

    /// <summary>"failures|last_error" of the source.</summary>
    public async Task<string> SourceStateAsync() =>
        Assert.Single(await Host.QueryStringsAsync("SELECT consecutive_failures || '|' || COALESCE(last_error, '<null>') FROM sources"));

    public async Task AssertFailedKeepingStoredAsync(CollectionOutcome outcome, string expected, List<string> stored)
    {
        Assert.Equal(CollectionStatus.Failed, outcome.Status);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        var state = await SourceStateAsync();
        Assert.StartsWith("1|", state, StringComparison.Ordinal);
        Assert.Contains(expected, state, StringComparison.Ordinal);
        Assert.Equal(stored, await Host.QueryStringsAsync(StoredSql));
        Assert.Equal(["ok"], await Host.QueryStringsAsync("PRAGMA integrity_check"));
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Server.DisposeAsync();
    }
}
