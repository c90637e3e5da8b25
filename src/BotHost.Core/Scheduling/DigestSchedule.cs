using System.Globalization;
using BotHost.Core.Digests;
using BotHost.Core.Subscriptions;
using Microsoft.Extensions.Options;
using Quartz;

namespace BotHost.Core.Scheduling;

/// <summary>
/// Keeps one Quartz trigger per scheduled subscription: a cron at its local time (weekly: on its weekday) in its
/// own time zone, so DST is Quartz's cron arithmetic, which agrees with <see cref="DeliveryTimes.NextAfter"/>
/// (a test holds them together). Subscriptions tell it about changes; command handlers never touch Quartz.
/// A late fire runs at once (fire-and-proceed); the job itself applies Digests:MisfireGraceHours.
/// </summary>
public sealed class DigestSchedule(ISchedulerFactory schedulers, IOptions<DigestOptions> options, TimeProvider time) : ISubscriptionSchedule
{
    public const string Group = "digests";
    private static readonly JobKey InstantJob = new("instant", Group);
    private static readonly TriggerKey InstantTrigger = new("instant", Group);

    public static JobKey JobKeyOf(long subscriptionId) => new(Name(subscriptionId), Group);

    public static TriggerKey TriggerKeyOf(long subscriptionId) => new(Name(subscriptionId), Group);

    public async Task SubscriptionChangedAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (!IsScheduled(subscription))
        {
            await scheduler.DeleteJob(JobKeyOf(subscription.Id), cancellationToken);
            return;
        }

        var job = JobBuilder.Create<DigestJob>()
            .WithIdentity(JobKeyOf(subscription.Id))
            .UsingJobData(DigestJob.SubscriptionIdKey, subscription.Id)
            .Build();
        await scheduler.ScheduleJob(job, [TriggerFor(subscription, time)], ScheduleJobOptions.Replacing, cancellationToken);
    }

    public async Task SubscriptionRemovedAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(JobKeyOf(subscriptionId), cancellationToken);
    }

    /// <summary>Runs the subscription's job once now (a catch-up); the job decides whether anything is due.</summary>
    public async Task RunNowAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(JobKeyOf(subscriptionId), cancellationToken);
    }

    /// <summary>
    /// Asks for an instant-mode run Digests:InstantDelaySeconds from now, unless one is already waiting: the
    /// collections of that span are posted in one batch per subscription.
    /// </summary>
    public async Task RequestInstantRunAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        if (await scheduler.GetTrigger(InstantTrigger, cancellationToken) is not null)
        {
            return;
        }

        var job = JobBuilder.Create<InstantDigestJob>().WithIdentity(InstantJob).Build();
        var trigger = TriggerBuilder.Create(time).WithIdentity(InstantTrigger)
            .StartAt(time.GetUtcNow() + TimeSpan.FromSeconds(options.Value.InstantDelaySeconds)).Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
    }

    /// <summary>Daily and weekly subscriptions that are not paused have a trigger; instant ones run after collecting.</summary>
    public static bool IsScheduled(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return !subscription.Paused && subscription.Mode != SubscriptionMode.Instant;
    }

    /// <summary>The cron expression of a scheduled subscription: seconds minutes hours day-of-month month day-of-week.</summary>
    public static string CronOf(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var at = subscription.DeliveryTime;
        var day = subscription.Mode == SubscriptionMode.Weekly
            ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(subscription.Weekday ?? DayOfWeek.Monday).ToUpperInvariant()
            : "*";
        return string.Create(CultureInfo.InvariantCulture, $"0 {at.Minute} {at.Hour} ? * {day}");
    }

    public static ITrigger TriggerFor(Subscription subscription, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return TriggerBuilder.Create(time)
            .WithIdentity(TriggerKeyOf(subscription.Id))
            .ForJob(JobKeyOf(subscription.Id))
            .WithCronSchedule(CronOf(subscription), cron => cron
                .InTimeZone(DeliveryTimes.ZoneOf(subscription))
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(time.GetUtcNow())
            .Build();
    }

    private static string Name(long subscriptionId) => "subscription-" + subscriptionId.ToString(CultureInfo.InvariantCulture);
}
