using BotHost.Core.Sources;
using BotHost.Core.Storage;
using Microsoft.Extensions.Logging;

namespace BotHost.Core.Collecting;

/// <summary>Collects every configured source once; the fetcher's limiter bounds how many run at a time.</summary>
public sealed class CollectionRound(SourceCatalog catalog, SourceCollector collector, SqliteConnectionFactory connections, ILogger<CollectionRound> logger)
{
    public async Task<IReadOnlyList<CollectionOutcome>> CollectAllAsync(bool force, CancellationToken cancellationToken)
    {
        var tasks = catalog.Sources.Select(s => CollectOneAsync(s, force, cancellationToken));
        return await Task.WhenAll(tasks);
    }

    /// <summary>One source's unexpected failure (a bug, a locked database) never stops the others.</summary>
    public async Task<CollectionOutcome> CollectOneAsync(SourceDefinition source, bool force, CancellationToken cancellationToken)
    {
        try
        {
            return await collector.CollectAsync(source, force, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            CollectingLog.Crashed(logger, source.Name, ex);
            return new CollectionOutcome(source.Name, CollectionStatus.Failed, IngestSummary.Empty, [], StorageFailureText.For(ex, connections.DatabasePath), TimeSpan.Zero);
        }
    }
}
