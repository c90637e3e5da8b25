using System.Diagnostics.Metrics;
using BotHost.Core.Collecting;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Metrics;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Collecting;

public sealed class CollectingMetricsTests
{
    [Fact]
    public async Task Collect_CountsFetchesByOutcome_ItemsStoriesAndMerges_AsTheOutcomesSayThem()
    {
        await using var host = await CoreTestHost.StartAsync();
        using var recorder = new MeasurementRecorder(CollectingMetrics.MeterName, host.Services.GetRequiredService<IMeterFactory>());
        var shared = new Entry("a-1", "Why the write-ahead log makes SQLite fast", "https://example.org/wal");
        host.WriteFeed("a.xml", Rss("A", shared, new Entry("a-2", "Designing idempotent consumers for queues", "https://example.org/queues")));
        host.WriteFeed("b.xml", Rss("B", shared with { Guid = "b-1" }));
        host.WriteSources(("A", "a.xml"), ("B", "b.xml"), ("Missing", "missing.xml"));

        var outcomes = await host.CollectAllAsync();

        Assert.Equal(2, recorder.Sum("bothost.feed.fetches", ("outcome", "collected")));
        Assert.Equal(1, recorder.Sum("bothost.feed.fetches", ("outcome", "failed")));
        Assert.Equal(3, recorder.Of("bothost.feed.fetch.duration").Count);
        Assert.Equal(outcomes.Sum(o => o.Ingest.NewItems), recorder.Sum("bothost.items.ingested"));
        Assert.Equal(3, recorder.Sum("bothost.items.ingested"));
        Assert.Equal(2, recorder.Sum("bothost.stories.created"));
        Assert.Equal(1, recorder.Sum("bothost.stories.merged"));
    }
}
