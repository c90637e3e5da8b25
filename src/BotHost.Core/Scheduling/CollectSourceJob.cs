using BotHost.Core.Collecting;
using BotHost.Core.Sources;
using Quartz;

namespace BotHost.Core.Scheduling;

/// <summary>One per source; a slow source never overlaps itself. New stories wake instant-mode subscriptions (batched).</summary>
[DisallowConcurrentExecution]
public sealed class CollectSourceJob(SourceCatalog catalog, CollectionRound round, DigestSchedule digests) : IJob
{
    public const string LocationKey = "location";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var location = context.MergedJobDataMap.GetString(LocationKey);
        if (location is not null && catalog.Find(location) is { } source)
        {
            var outcome = await round.CollectOneAsync(source, force: false, cancellationToken);
            if (outcome.Ingest.NewStories + outcome.Ingest.JoinedExistingStories > 0)
            {
                await digests.RequestInstantRunAsync(cancellationToken);
            }
        }
    }
}
