using BotHost.Core.Feeds;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Collecting;

/// <summary>Collects one source: fetch, parse, ingest, and record the source's state (with backoff on failure).</summary>
public sealed class SourceCollector(
    FeedFetcher fetcher,
    FeedParser parser,
    ItemIngestor ingestor,
    SourceStore sources,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<SourceCollector> logger)
{
    /// <summary>Collects when the source is due (or always with <paramref name="force"/>).</summary>
    public async Task<CollectionOutcome> CollectAsync(SourceDefinition definition, bool force, CancellationToken cancellationToken)
    {
        var state = await sources.EnsureAsync(definition, cancellationToken);
        var now = time.GetUtcNow();
        if (!force && state.NextFetchAt is { } due && due > now)
        {
            return new CollectionOutcome(definition.Name, CollectionStatus.NotDue, IngestSummary.Empty, [], null, TimeSpan.Zero);
        }

        var fetch = await fetcher.FetchAsync(new FetchRequest(definition.Location, state.ETag, state.LastModified), cancellationToken);
        switch (fetch.Status)
        {
            case FetchStatus.NotModified:
                await sources.RecordNotModifiedAsync(state.Id, NextNormalFetch(definition), cancellationToken);
                return new CollectionOutcome(definition.Name, CollectionStatus.NotModified, IngestSummary.Empty, [], null, fetch.Elapsed);
            case FetchStatus.Failed:
                return await FailAsync(definition, state, fetch.Error ?? "fetch failed", fetch.RetryAfter, fetch.Elapsed, cancellationToken);
        }

        ParsedFeed feed;
        try
        {
            using var body = new MemoryStream(fetch.Body ?? [], writable: false);
            feed = parser.Parse(body, new FeedParseContext(fetch.FinalUri ?? LocationUri(definition.Location), fetch.ContentType));
        }
        catch (Exception ex) when (ex is NotAFeedException or FeedFormatException)
        {
            return await FailAsync(definition, state, ex.Message, null, fetch.Elapsed, cancellationToken);
        }

        var backlog = !state.FirstFetchDone && options.Value.FirstFetchIsBacklog;
        IngestSummary summary;
        try
        {
            summary = await ingestor.IngestAsync(state, definition.Topics, feed, backlog, fetch, NextNormalFetch(definition), cancellationToken);
            }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug or a storage fault on one feed's content: nothing of it was stored (one transaction), the
            // source backs off and says why, and the other sources go on.
            CollectingLog.Crashed(logger, definition.Name, ex);
            return await FailAsync(definition, state, $"storing its items failed: {ex.Message}", null, fetch.Elapsed, cancellationToken);
        }

        CollectingLog.Collected(logger, definition.Name, summary.ItemsInFeed, summary.NewItems, summary.NewStories, summary.JoinedExistingStories, summary.Dropped.Count);
        foreach (var error in feed.Errors)
        {
            CollectingLog.ParseProblem(logger, definition.Name, error);
        }

        return new CollectionOutcome(definition.Name, CollectionStatus.Collected, summary, feed.Errors, null, fetch.Elapsed);
    }

    private async Task<CollectionOutcome> FailAsync(
        SourceDefinition definition, SourceState state, string error, TimeSpan? retryAfter, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var delay = FetchBackoff.NextDelay(state.ConsecutiveFailures + 1, definition.Interval, TimeSpan.FromMinutes(options.Value.MaxBackoffMinutes), retryAfter);
        await sources.RecordFailureAsync(state.Id, error, time.GetUtcNow() + delay, cancellationToken);
        CollectingLog.Failed(logger, definition.Name, state.ConsecutiveFailures + 1, error, delay);
        return new CollectionOutcome(definition.Name, CollectionStatus.Failed, IngestSummary.Empty, [], error, elapsed);
    }

    // Jitter is added by the schedule; the stored due time only keeps a backed-off source from being hammered.
    private DateTimeOffset NextNormalFetch(SourceDefinition definition) => time.GetUtcNow() + definition.Interval - TimeSpan.FromSeconds(5);

    private static Uri? LocationUri(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) ? uri : new Uri(Path.GetFullPath(location));
}
