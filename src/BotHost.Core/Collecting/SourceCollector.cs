using BotHost.Core.Feeds;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Sources;
using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Collecting;

/// <summary>Collects one source: fetch, parse, ingest, and record the source's state (with backoff on failure).</summary>
public sealed class SourceCollector(
    FeedFetcher fetcher,
    BoundedParser parser,
    ItemIngestor ingestor,
    SourceStore sources,
    SqliteConnectionFactory connections,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<SourceCollector> logger,
    CollectingMetrics metrics)
{
    private const string NotModifiedWithoutValidators =
        "The server answered 304 Not Modified to a request that carried no validators (no ETag or Last-Modified is stored for this source), " +
        "so there is nothing to collect; the server is misbehaving, the fetch is retried with backoff.";

    /// <summary>Collects when the source is due (or always with <paramref name="force"/>).</summary>
    public async Task<CollectionOutcome> CollectAsync(SourceDefinition definition, bool force, CancellationToken cancellationToken)
    {
        var outcome = await CollectOnceAsync(definition, force, cancellationToken);
        metrics.Record(outcome);
        return outcome;
    }

    private async Task<CollectionOutcome> CollectOnceAsync(SourceDefinition definition, bool force, CancellationToken cancellationToken)
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
            case FetchStatus.NotModified when state.ETag is null && state.LastModified is null:
                // Nothing was asked conditionally, so "not modified" answers nothing: taking it as success would
                // keep a source green forever while it never delivers an item.
                return await FailAsync(definition, state, NotModifiedWithoutValidators, null, fetch.Elapsed, cancellationToken);
            case FetchStatus.NotModified:
                await sources.RecordNotModifiedAsync(state.Id, NextNormalFetch(definition), cancellationToken);
                return new CollectionOutcome(definition.Name, CollectionStatus.NotModified, IngestSummary.Empty, [], null, fetch.Elapsed);
            case FetchStatus.Failed:
                return await FailAsync(definition, state, fetch.Error ?? "fetch failed", fetch.RetryAfter, fetch.Elapsed, cancellationToken);
        }

        ParsedFeed feed;
        try
        {
            feed = await parser.ParseAsync(definition, fetch.Body ?? [], new FeedParseContext(fetch.FinalUri ?? LocationUri(definition.Location), fetch.ContentType), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever a hostile feed makes the parser throw, the source says why and backs off, and the
            // round's other sources go on; nothing of this fetch reaches storage.
            return await FailAsync(definition, state, ParseError(definition, ex), null, fetch.Elapsed, cancellationToken);
        }

        var backlog = !state.FirstFetchDone && options.Value.FirstFetchIsBacklog;
        IngestSummary summary;
        try
        {
            summary = await ingestor.IngestAsync(state, definition.Topics, feed, backlog, fetch, NextNormalFetch(definition), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A bug or a storage fault on one feed's content: nothing of it was stored (one transaction), the
            // source backs off and says why, and the other sources go on.
            CollectingLog.Crashed(logger, definition.Name, ex);
            return await FailAsync(definition, state, $"Storing its items failed, nothing of this fetch was stored: {StorageFailureText.For(ex, connections.DatabasePath)}", null, fetch.Elapsed, cancellationToken);
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
        try
        {
            await sources.RecordFailureAsync(state.Id, error, time.GetUtcNow() + delay, cancellationToken);
        }
        catch (SqliteException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A full, read-only or locked database: the outcome and the log still say why; the schedule retries.
            var unrecorded = StorageFailureText.For(ex, connections.DatabasePath);
            CollectingLog.FailureNotRecorded(logger, definition.Name, unrecorded);
            error = $"{error} The failure could not be recorded either: {unrecorded}";
        }

        CollectingLog.Failed(logger, definition.Name, state.ConsecutiveFailures + 1, error, delay);
        return new CollectionOutcome(definition.Name, CollectionStatus.Failed, IngestSummary.Empty, [], error, elapsed);
    }

    private string ParseError(SourceDefinition definition, Exception ex)
    {
        if (ex is NotAFeedException or FeedFormatException or ParseTimeoutException)
        {
            return ex.Message;
        }

        CollectingLog.Crashed(logger, definition.Name, ex);
        return $"Parsing failed unexpectedly ({ex.GetType().Name}: {OneLine(ex.Message)}); nothing of this fetch was stored. This is a BotHost bug: report it with the feed.";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    // Jitter is added by the schedule; the stored due time only keeps a backed-off source from being hammered.
    private DateTimeOffset NextNormalFetch(SourceDefinition definition) => time.GetUtcNow() + definition.Interval - TimeSpan.FromSeconds(5);

    private static Uri? LocationUri(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) ? uri : new Uri(Path.GetFullPath(location));
}
