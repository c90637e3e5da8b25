using BotHost.Core.Delivery;
using Quartz;

namespace BotHost.Core.Scheduling;

/// <summary>Posts instant-mode subscriptions' new stories, once per batch of collections (see <see cref="DigestSchedule.RequestInstantRunAsync"/>).</summary>
[DisallowConcurrentExecution]
public sealed class InstantDigestJob(DigestRunner runner) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        => await runner.RunInstantAsync(cancellationToken);
}
