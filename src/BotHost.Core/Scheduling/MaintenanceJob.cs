using BotHost.Core.Storage;
using Quartz;

namespace BotHost.Core.Scheduling;

/// <summary>Daily retention pruning and PRAGMA optimize.</summary>
[DisallowConcurrentExecution]
public sealed class MaintenanceJob(RetentionPruner pruner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        => await pruner.PruneAsync(cancellationToken);
}
