using BotHost.Core.Collecting;
using BotHost.Core.Sources;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Bench.System.Ingest;

/// <summary>
/// The product's own composition (the CLI builder: every option and service `run` has, no scheduler) on one
/// database and one sources file, so a round here is the collector's round: fetch the file, parse, canonicalize,
/// dedupe, curate, tag and store, one transaction per feed, up to Feeds:MaxConcurrentFetches feeds at a time.
/// </summary>
internal sealed class CollectorHost : IDisposable
{
    private readonly IHost _host;

    public CollectorHost(string databasePath, string sourcesFile, string topicsFile, TimeProvider time)
    {
        _host = BotHostApplication.CreateBuilder(forCli: true, time, new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Feeds:SourcesFile"] = sourcesFile,
            ["Feeds:FirstFetchIsBacklog"] = "false",
            ["Feeds:MaxItemsPerFeed"] = "1000000",
            // The full run's crowded feed (50,000 items) is about 26 MB, over the default 10 MB cap.
            ["Feeds:MaxBodyBytes"] = "200000000",
            ["Feeds:ParseTimeoutSeconds"] = "600",
            ["Curation:TopicsFile"] = topicsFile,
        }).Build();
    }

    /// <summary>Start-up work before the first feed: reading the title index of the store's match window. Returns its seconds.</summary>
    public async Task<double> WarmUpAsync(CancellationToken cancellationToken)
    {
        var watch = global::System.Diagnostics.Stopwatch.StartNew();
        await _host.Services.GetRequiredService<ItemIngestor>().WarmUpAsync(cancellationToken);
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>Indexes for search the stories ingest left waiting for a full batch, as the next search would.</summary>
    public async Task IndexForSearchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(cancellationToken);
        await _host.Services.GetRequiredService<SearchIndexer>().CatchUpAsync(connection, cancellationToken);
    }

    public IReadOnlyList<SourceDefinition> Sources => _host.Services.GetRequiredService<SourceCatalog>().Sources;

    /// <summary>What <see cref="CollectionRound.CollectAllAsync"/> does, for a subset of the sources.</summary>
    public async Task<IReadOnlyList<CollectionOutcome>> CollectAsync(IEnumerable<SourceDefinition> sources, CancellationToken cancellationToken)
    {
        var round = _host.Services.GetRequiredService<CollectionRound>();
        var outcomes = await Task.WhenAll(sources.Select(s => round.CollectOneAsync(s, force: true, cancellationToken)));
        if (outcomes.FirstOrDefault(o => o.Status != CollectionStatus.Collected) is { } failed)
        {
            throw new InvalidOperationException($"collecting {failed.SourceName} ended {failed.Status}: {failed.Error}");
        }

        return outcomes;
    }

    public void Dispose() => _host.Dispose();
}
