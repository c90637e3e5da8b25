using System.Text;
using BotHost.Core.Collecting;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Feeds;
using static BotHost.Core.Tests.TestSupport.FaultyFeedRig;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Collecting;

/// <summary>
/// Hostile and broken feed servers, through the whole collector: each fault ends the collection in bounded
/// time, the source's stored state says what happened, and what was stored before is untouched.
/// </summary>
public sealed class CollectorFeedFaultTests : IAsyncLifetime
{
    private FaultyFeedRig _rig = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Faults { get; } =
    [
        "charset declared utf-16 on a utf-8 body",
        "quadratic-blowup entities",
        "an HTML page instead of a feed",
        "an empty 200",
        "a 50 MB body with its Content-Length",
        "a 50 MB chunked body",
        "a gzip bomb",
        "304 without validators",
        "a 500",
    ];

    public async ValueTask InitializeAsync() => _rig = await FaultyFeedRig.StartAsync();

    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Collect_WhenTheServerMisbehaves_FailsTheSourceSayingWhyAndKeepsWhatWasStored(string fault)
    {
        var stored = await _rig.CollectGoodFeedAsync();
        var (response, expected) = Fault(fault);
        _rig.Server.Map("/feed.xml", response);

        var outcome = await _rig.CollectAsync();

        await _rig.AssertFailedKeepingStoredAsync(outcome, expected, stored);
    }

    [Fact]
    public async Task Collect_WhenTheServerDripsTheBodyForever_FailsAtTheFetchDeadlineKeepingWhatWasStored()
    {
        var stored = await _rig.CollectGoodFeedAsync();
        var slowloris = new LoopbackResponse { Body = Encoding.UTF8.GetBytes(Rss("Blog", Wal, Kafka)), StallAfterBytes = 1 };
        _rig.Server.Map("/feed.xml", slowloris);

        var collect = _rig.CollectAsync();
        await slowloris.BodyStarted.Task.WaitAsync(CollectBound, Token);
        _rig.Host.Time.Advance(TimeSpan.FromSeconds(31));
        var outcome = await collect;

        await _rig.AssertFailedKeepingStoredAsync(outcome, "Timed out after 30 s", stored);
    }

    [Fact]
    public async Task Collect_WhenRedirectsLoop_StopsAtTheFirstRepeatSayingSoAndKeepsWhatWasStored()
    {
        var stored = await _rig.CollectGoodFeedAsync();
        _rig.Server.Map("/feed.xml", LoopbackResponse.Redirect("/moved.xml"));
        _rig.Server.Map("/moved.xml", LoopbackResponse.Redirect("/feed.xml", 301));

        var outcome = await _rig.CollectAsync();

        await _rig.AssertFailedKeepingStoredAsync(outcome, "Redirect loop", stored);
        Assert.Single(_rig.Server.RequestsTo("/moved.xml"));
    }

    /// <summary>
    /// Loopback is itself private, so with private addresses refused the first hop already is; a redirect from a
    /// public host to a private one cannot be staged from 127.0.0.1 (FeedFetcher checks every hop the same way).
    /// </summary>
    [Fact]
    public async Task Collect_WhenTheSourceIsAPrivateAddress_RefusesWithoutFetchingAndSaysHowToAllowIt()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Feeds:AllowPrivateAddresses"] = "false" });
        _rig.Server.Map("/feed.xml", LoopbackResponse.Redirect("http://10.0.0.1/feed.xml"));
        host.WriteSourceUrls(("Blog", _rig.Server.Url("/feed.xml")));

        var outcome = Assert.Single(await host.CollectAllAsync().WaitAsync(CollectBound, Token));

        Assert.Equal(CollectionStatus.Failed, outcome.Status);
        Assert.Contains("non-public address", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("Feeds:AllowPrivateAddresses", Assert.Single(await host.QueryStringsAsync("SELECT last_error FROM sources")), StringComparison.Ordinal);
        Assert.Empty(_rig.Server.Requests);
    }

    [Fact]
    public async Task Collect_WhenTheServerFlapsBetween500And200_RecordsEachFailureResetsOnEachSuccessAndLosesNothing()
    {
        var stored = await _rig.CollectGoodFeedAsync();

        _rig.Server.Map("/feed.xml", LoopbackResponse.StatusOnly(500));
        var down = await _rig.CollectAsync();
        var whileDown = await _rig.SourceStateAsync();
        _rig.Server.Map("/feed.xml", LoopbackResponse.Text(Rss("Blog", Wal, Kafka, new Entry("p-3", "Two-phase commit versus sagas", "https://blog.example.com/sagas", Description: "Compensation explained."))));
        var up = await _rig.CollectAsync();
        var whileUp = await _rig.SourceStateAsync();
        _rig.Server.Map("/feed.xml", LoopbackResponse.StatusOnly(500));
        var downAgain = await _rig.CollectAsync();

        Assert.Equal(CollectionStatus.Failed, down.Status);
        Assert.StartsWith("1|HTTP 500", whileDown, StringComparison.Ordinal);
        Assert.Equal(CollectionStatus.Collected, up.Status);
        Assert.Equal(1, up.Ingest.NewItems);
        Assert.Equal("0|<null>", whileUp);
        Assert.Equal(CollectionStatus.Failed, downAgain.Status);
        Assert.StartsWith("1|HTTP 500", await _rig.SourceStateAsync(), StringComparison.Ordinal);
        var now = await _rig.Host.QueryStringsAsync(StoredSql);
        Assert.All(stored, row => Assert.Contains(row, now));
        Assert.Equal(3, await _rig.Host.CountAsync("stories"));
    }

    [Fact]
    public async Task Collect_WhenTheCharsetIsUnknown_CollectsAndSaysWhichCharsetWasIgnored()
    {
        await _rig.CollectGoodFeedAsync();
        _rig.Server.Map("/feed.xml", LoopbackResponse.Text(Rss("Blog", Wal, Kafka), "application/rss+xml; charset=x-no-such-charset"));

        var outcome = await _rig.CollectAsync();

        Assert.Equal(CollectionStatus.Collected, outcome.Status);
        Assert.Contains(outcome.ParseErrors, e => e.Contains("x-no-such-charset", StringComparison.Ordinal));
        Assert.Equal(2, await _rig.Host.CountAsync("items"));
    }
}
