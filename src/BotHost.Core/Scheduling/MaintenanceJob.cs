using BotHost.Core.Delivery;
using BotHost.Core.Storage;
using Quartz;

namespace BotHost.Core.Scheduling;

/// <summary>Daily retention: each feature prunes its own tables (deliveries first, so the stories they released can go), then PRAGMA optimize.</summary>
[DisallowConcurrentExecution]
public sealed class MaintenanceJob(DeliveryRetention deliveries, RetentionPruner pruner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await deliveries.PruneAsync(cancellationToken);
        await pruner.PruneAsync(cancellationToken);
    }
}
