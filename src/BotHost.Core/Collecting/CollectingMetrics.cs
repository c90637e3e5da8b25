using System.Diagnostics.Metrics;

namespace BotHost.Core.Collecting;

/// <summary>
/// The "BotHost.Collecting" meter: fetches by outcome, and what collecting stored. Recorded from each source's
/// <see cref="CollectionOutcome"/>, so the figures agree with the source's recorded state and the logs.
/// </summary>
public sealed class CollectingMetrics
{
    // Seconds, not the exporter's millisecond-shaped defaults (0, 5, 10 … 10000).
    private static readonly InstrumentAdvice<double> LatencyBuckets = new() { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] };

    public const string MeterName = "BotHost.Collecting";

    private readonly Counter<long> _fetches;
    private readonly Histogram<double> _fetchDuration;
    private readonly Counter<long> _itemsIngested;
    private readonly Counter<long> _itemsDropped;
    private readonly Counter<long> _storiesCreated;
    private readonly Counter<long> _dedupeMerges;

    public CollectingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _fetches = meter.CreateCounter<long>("bothost.feed.fetches", "{fetch}", "Feed fetches by outcome (collected, not_modified, failed).");
        _fetchDuration = meter.CreateHistogram<double>("bothost.feed.fetch.duration", "s", "Time to fetch one feed, by outcome.", tags: null, advice: LatencyBuckets);
        _itemsIngested = meter.CreateCounter<long>("bothost.items.ingested", "{item}", "New feed items stored (kept or dropped by curation).");
        _itemsDropped = meter.CreateCounter<long>("bothost.items.dropped", "{item}", "New items curation dropped (heading, affiliate, too short, off-topic).");
        _storiesCreated = meter.CreateCounter<long>("bothost.stories.created", "{story}", "Items that started a new story.");
        _dedupeMerges = meter.CreateCounter<long>("bothost.stories.merged", "{item}", "Items that joined an existing story (dedupe merges across sources).");
    }

    public void Record(CollectionOutcome outcome)
    {
        var name = outcome.Status switch
        {
            CollectionStatus.Collected => "collected",
            CollectionStatus.NotModified => "not_modified",
            CollectionStatus.Failed => "failed",
            _ => null,
        };
        if (name is null)
        {
            // Not due: nothing was fetched.
            return;
        }

        var tag = new KeyValuePair<string, object?>("outcome", name);
        _fetches.Add(1, tag);
        _fetchDuration.Record(outcome.Elapsed.TotalSeconds, tag);
        var ingest = outcome.Ingest;
        _itemsIngested.Add(ingest.NewItems);
        _itemsDropped.Add(ingest.Dropped.Count);
        _storiesCreated.Add(ingest.NewStories);
        _dedupeMerges.Add(ingest.JoinedExistingStories);
    }
}
