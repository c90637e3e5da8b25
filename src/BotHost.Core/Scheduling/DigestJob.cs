using BotHost.Core.Delivery;
using Quartz;

namespace BotHost.Core.Scheduling;

/// <summary>One per subscription, fired by its trigger (or at start to catch up); the data holds only the subscription id.</summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestRunner runner) : IJob
{
    public const string SubscriptionIdKey = "subscriptionId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (context.MergedJobDataMap.TryGetLong(SubscriptionIdKey, out var subscriptionId))
        {
            await runner.RunDueAsync(subscriptionId, cancellationToken);
        }
    }
}
