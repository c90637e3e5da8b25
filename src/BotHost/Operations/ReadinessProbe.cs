using BotHost.Core.Storage;
using BotHost.Discord.Gateway;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BotHost.Operations;

/// <summary>
/// What <c>/readyz</c> reports: the database opens at the schema this binary expects, the scheduler runs, and with a
/// Discord token the gateway session is live. Each check has its own short deadline, so a stuck database answers "not ready".
/// </summary>
public sealed class ReadinessProbe(IServiceProvider services, DatabaseMigrator migrator, RunModeInfo mode, TimeProvider time)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<ReadinessCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = new List<ReadinessCheck>
        {
            await DatabaseAsync(cancellationToken),
            await SchedulerAsync(cancellationToken),
        };
        if (mode.Mode == RunMode.Discord)
        {
            checks.Add(services.GetService<GatewayClient>()?.IsConnected == true
                ? new ReadinessCheck("gateway", true, "session live")
                : new ReadinessCheck("gateway", false, "not connected to the Discord gateway (yet); see the log for why"));
        }

        return checks;
    }

    private async Task<ReadinessCheck> DatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CheckTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var version = await migrator.StoredVersionAsync(linked.Token);
            return version == DatabaseMigrator.LatestVersion
                ? new ReadinessCheck("database", true, $"open, schema {version}")
                : new ReadinessCheck("database", false, $"open, but at schema {version} while this binary needs {DatabaseMigrator.LatestVersion} (start-up migrates it)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ReadinessCheck("database", false, $"cannot be read: {ex.Message}");
        }
    }

    private async Task<ReadinessCheck> SchedulerAsync(CancellationToken cancellationToken)
    {
        var factory = services.GetService<ISchedulerFactory>();
        if (factory is null)
        {
            return new ReadinessCheck("scheduler", false, "not configured");
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? new ReadinessCheck("scheduler", true, "running")
            : new ReadinessCheck("scheduler", false, status.ToString().ToLowerInvariant());
    }
}
