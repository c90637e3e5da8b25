using BotHost.Core.Feeds;
using BotHost.Core.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace BotHost.Core.Scheduling;

/// <summary>
/// Puts the jobs on the scheduler at start: the first round now, one collect job per source from one
/// interval (plus jitter) on, and daily maintenance.
/// </summary>
public sealed class ScheduleRegistrar(ISchedulerFactory schedulers, SourceCatalog catalog, IOptions<FeedOptions> options, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();

        var firstRound = JobBuilder.Create<FirstRoundJob>().WithIdentity("first-round", "collect").Build();
        await scheduler.ScheduleJob(firstRound, TriggerBuilder.Create(time).WithIdentity("first-round", "collect").StartNow().Build(), cancellationToken: cancellationToken);

        foreach (var source in catalog.Sources)
        {
            var job = JobBuilder.Create<CollectSourceJob>()
                .WithIdentity(source.Location, "sources")
                .UsingJobData(CollectSourceJob.LocationKey, source.Location)
                .Build();
            var jitter = TimeSpan.FromSeconds(Random.Shared.Next(0, Math.Max(1, options.Value.JitterSeconds)));
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(source.Location, "sources")
                .StartAt(now + source.Interval + jitter)
                .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(source.Interval).RepeatForever())
                .Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
        }

        var maintenance = JobBuilder.Create<MaintenanceJob>().WithIdentity("maintenance", "storage").Build();
        await scheduler.ScheduleJob(maintenance, TriggerBuilder.Create(time)
            .WithIdentity("maintenance", "storage")
            .StartAt(now + TimeSpan.FromHours(1))
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromDays(1)).RepeatForever())
            .Build(), cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
