using BotHost.Core.Collecting;
using BotHost.Core.Feeds;
using Microsoft.Extensions.Options;
using Quartz;

namespace BotHost.Core.Scheduling;

/// <summary>Runs once at start: collects every source promptly instead of waiting for their schedules.</summary>
[DisallowConcurrentExecution]
public sealed class FirstRoundJob(CollectionRound round, IEnumerable<ICollectionListener> listeners, IOptions<FeedOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var outcomes = await round.CollectAllAsync(force: options.Value.CollectAllOnStart, cancellationToken);
        foreach (var listener in listeners)
        {
            await listener.OnFirstRoundCompletedAsync(outcomes, cancellationToken);
        }
    }
}
