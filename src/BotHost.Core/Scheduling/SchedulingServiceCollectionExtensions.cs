using BotHost.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BotHost.Core.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz (in-memory store, the host's TimeProvider), the registrar that puts BotHost's collecting jobs on it,
    /// and the digest schedule: one trigger per subscription, reconciled with the stored subscriptions at start.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, TimeProvider time)
    {
        services.AddQuartz(q =>
        {
            q.UseTimeProvider(time);
            q.UseInMemoryStore(_ => { });
            q.UseDefaultThreadPool(4);

            // Waiting for jobs alone would let a stalled fetch or a long parse hold Ctrl+C until the host's
            // shutdown timeout, then be cut off mid-work. Cancelling their tokens first lets them unwind: an
            // open ingest transaction rolls back and the next run starts clean.
            q.ConfigureScheduler(o => o.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddTransient<FirstRoundJob>();
        services.AddTransient<CollectSourceJob>();
        services.AddTransient<MaintenanceJob>();
        services.AddTransient<DigestJob>();
        services.AddTransient<InstantDigestJob>();
        services.AddSingleton<DigestSchedule>();
        services.AddSingleton<ISubscriptionSchedule>(sp => sp.GetRequiredService<DigestSchedule>());
        services.AddHostedService<ScheduleRegistrar>();
        services.AddSingleton<DigestScheduleReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestScheduleReconciler>());
        return services;
    }
}
