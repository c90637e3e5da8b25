using BotHost.Core.Collecting;
using BotHost.Core.Sources;
using Quartz;

namespace BotHost.Core.Scheduling;

/// <summary>One per source; a slow source never overlaps itself.</summary>
[DisallowConcurrentExecution]
public sealed class CollectSourceJob(SourceCatalog catalog, CollectionRound round) : IJob
{
    public const string LocationKey = "location";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var location = context.MergedJobDataMap.GetString(LocationKey);
        if (location is not null && catalog.Find(location) is { } source)
        {
            await round.CollectOneAsync(source, force: false, cancellationToken);
        }
    }
}
