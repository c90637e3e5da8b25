using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace BotHost.Core.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Quartz (in-memory store, the host's TimeProvider) and the registrar that puts BotHost's jobs on it.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, TimeProvider time)
    {
        services.AddQuartz(q =>
        {
            q.UseTimeProvider(time);
            q.UseInMemoryStore(_ => { });
            q.UseDefaultThreadPool(4);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddTransient<FirstRoundJob>();
        services.AddTransient<CollectSourceJob>();
        services.AddTransient<MaintenanceJob>();
        services.AddHostedService<ScheduleRegistrar>();
        return services;
    }
}
