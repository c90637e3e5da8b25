using BotHost.Core.Sources;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BotHost.Hosting;

/// <summary>
/// Before anything is scheduled: the database is migrated and the sources and topics files are read, or start
/// fails with the reason. Source topics the vocabulary does not define are logged as warnings (they filter nothing).
/// </summary>
public sealed partial class StartupChecks(DatabaseMigrator migrator, SourceCatalog catalog, TopicFilter topics, RunModeInfo mode, ILogger<StartupChecks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var version = await migrator.MigrateAsync(cancellationToken);
        var sources = catalog.Sources;
        topics.ReportUnknownTopics(sources);
        Started(logger, mode.Mode, version, sources.Count, catalog.SourcesFile);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "BotHost starting in {Mode} mode: schema version {Version}, {Count} sources from {File}")]
    private static partial void Started(ILogger logger, RunMode mode, int version, int count, string file);
}
