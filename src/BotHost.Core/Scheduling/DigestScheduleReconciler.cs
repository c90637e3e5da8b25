using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BotHost.Core.Scheduling;

/// <summary>
/// At start, makes the scheduler's digest triggers match the stored subscriptions: removes triggers nobody wants,
/// adds missing ones and replaces changed ones (a reconcile, not a rebuild, so processes sharing a clustered store
/// later agree). Then asks every scheduled subscription whose last delivery time has passed to catch up; the job
/// posts a missed digest once within the grace and logs older ones as skipped.
/// </summary>
public sealed partial class DigestScheduleReconciler(
    ISchedulerFactory schedulers, SubscriptionStore subscriptions, DigestSchedule schedule, TimeProvider time, ILogger<DigestScheduleReconciler> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (added, removed, kept) = await ReconcileAsync(cancellationToken);
        Reconciled(logger, added, removed, kept);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<(int Added, int Removed, int Kept)> ReconcileAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var desired = (await subscriptions.ListActiveAsync(cancellationToken)).Where(DigestSchedule.IsScheduled).ToDictionary(s => DigestSchedule.TriggerKeyOf(s.Id));
        var present = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(DigestSchedule.Group), cancellationToken);
        int added = 0, removed = 0, kept = 0;
        foreach (var key in present.Where(k => k.Name.StartsWith("subscription-", StringComparison.Ordinal) && !desired.ContainsKey(k)))
        {
            await scheduler.UnscheduleJob(key, cancellationToken);
            removed++;
        }

        var now = time.GetUtcNow();
        foreach (var (key, subscription) in desired)
        {
            if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger existing
                && existing.CronExpressionString == DigestSchedule.CronOf(subscription)
                && existing.TimeZone.Id == DeliveryTimes.ZoneOf(subscription).Id)
            {
                kept++;
            }
            else
            {
                await schedule.SubscriptionChangedAsync(subscription, cancellationToken);
                added++;
            }

            if (DigestRunner.LatestDue(subscription, now) is { } due && due >= subscription.CreatedAt)
            {
                await schedule.RunNowAsync(subscription.Id, cancellationToken);
            }
        }

        return (added, removed, kept);
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Digest schedule reconciled: {Added} triggers added or changed, {Removed} removed, {Kept} kept")]
    private static partial void Reconciled(ILogger logger, int added, int removed, int kept);
}
