using BotHost.Core.Feeds;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Collecting;

/// <summary>
/// Collects the feeds guilds added (Sources:AllowGuildSources) every Feeds:DefaultIntervalMinutes, each when its own
/// schedule and backoff say it is due. A feed several guilds added is fetched once; one the sources file also lists is
/// left to the configured round, or collecting it under the guild's name would rename the shared sources row and show
/// that guild's private name to every server.
/// </summary>
public sealed class GuildSourceCollector(
    GuildSourceStore store,
    SourceVisibility visibility,
    CollectionRound round,
    IOptions<SourceOptions> sourceOptions,
    IOptions<FeedOptions> feedOptions,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(feedOptions.Value.DefaultIntervalMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (sourceOptions.Value.AllowGuildSources)
            {
                await CollectDueAsync(interval, stoppingToken);
            }

            await Task.Delay(interval, time, stoppingToken);
        }
    }

    public async Task<IReadOnlyList<CollectionOutcome>> CollectDueAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var outcomes = new List<CollectionOutcome>();
        var configured = visibility.ConfiguredLocations();
        foreach (var source in (await store.ListAllAsync(cancellationToken)).DistinctBy(s => s.Url).Where(s => !configured.Contains(s.Url)))
        {
            outcomes.Add(await round.CollectOneAsync(new SourceDefinition(source.Name, source.Url, 1.0, source.Topics, interval), force: false, cancellationToken));
        }

        return outcomes;
    }
}
