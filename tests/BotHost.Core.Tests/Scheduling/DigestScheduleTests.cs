using BotHost.Core.Scheduling;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace BotHost.Core.Tests.Scheduling;

public sealed class DigestScheduleTests
{
    private static readonly ChannelKey Channel = new(3, 30);

    public static TheoryData<string, string, string[], string[]> DstDays => new()
    {
        // 09:00 in Berlin is 08:00Z in winter (CET) and 07:00Z in summer (CEST).
        { "2027-03-26T12:00:00Z", "09:00", ["2027-03-27T08:00:00Z", "2027-03-28T07:00:00Z", "2027-03-29T07:00:00Z"], ["2027-03-27", "2027-03-28", "2027-03-29"] },
        { "2027-10-29T12:00:00Z", "09:00", ["2027-10-30T07:00:00Z", "2027-10-31T08:00:00Z", "2027-11-01T08:00:00Z"], ["2027-10-30", "2027-10-31", "2027-11-01"] },
        // 02:30 does not exist on 28 March (02:00 → 03:00): delivered once at 03:00 CEST. It exists twice on 31 October: once, at the first.
        { "2027-03-26T12:00:00Z", "02:30", ["2027-03-27T01:30:00Z", "2027-03-28T01:00:00Z", "2027-03-29T00:30:00Z"], ["2027-03-27", "2027-03-28", "2027-03-29"] },
        { "2027-10-29T12:00:00Z", "02:30", ["2027-10-30T00:30:00Z", "2027-10-31T00:30:00Z", "2027-11-01T01:30:00Z"], ["2027-10-30", "2027-10-31", "2027-11-01"] },
    };

    [Theory]
    [MemberData(nameof(DstDays))]
    public async Task DailyBerlinDigest_AcrossADstChange_FiresOnceADayAtTheLocalTime(string start, string at, string[] expectedFires, string[] expectedPeriods)
    {
        await using var host = await ScheduledHost.StartAsync(new FakeTimeProvider(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));
        var subscription = await host.SubscribeAsync(Channel, new SubscriptionRequest { Time = at, TimeZone = "Europe/Berlin" });

        var fires = new List<DateTimeOffset>();
        for (var i = 0; i < expectedFires.Length; i++)
        {
            fires.Add(await host.FireNextAsync(subscription.Id));
        }

        var deliveries = await host.DeliveriesAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"{at} Europe/Berlin fired at {string.Join(", ", fires.Select(f => f.ToString("u", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.Equal(expectedFires.Select(f => DateTimeOffset.Parse(f, System.Globalization.CultureInfo.InvariantCulture)), fires);
        Assert.Equal(fires, fires.Select((_, i) => DeliveryTimes.NextAfter(subscription, i == 0 ? DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture) : fires[i - 1])!.Value));
        Assert.Equal(expectedPeriods, deliveries.Select(d => d.Period));
        Assert.All(deliveries, d => Assert.Equal("scheduled", d.Reason));
        Assert.Equal(fires, deliveries.Select(d => d.At));
    }

    [Fact]
    public async Task Outage_OfTwelveHoursOverTheDeliveryTime_YieldsExactlyOneCatchUpDigest()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-03-27T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var first = await ScheduledHost.StartAsync(time);
        var subscription = await first.SubscribeAsync(Channel, new SubscriptionRequest { Time = "09:00", TimeZone = "Europe/Berlin" });
        await first.FireNextAsync(subscription.Id);
        time.SetUtcNow(DateTimeOffset.Parse("2027-03-27T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var sink = first.Sink;
        await first.StopAsync();

        time.Advance(TimeSpan.FromHours(12));
        await using var second = await ScheduledHost.StartAsync(time, first.Directory, sink);
        await second.NextFinishedAsync();
        time.Advance(TimeSpan.FromHours(3));
        await second.Services.GetRequiredService<DigestScheduleReconciler>().ReconcileAsync(TestContext.Current.CancellationToken);
        await second.FireNextAsync(subscription.Id);

        var deliveries = await second.DeliveriesAsync();
        TestContext.Current.TestOutputHelper?.WriteLine("deliveries: " + string.Join("; ", deliveries.Select(d => $"{d.Period} {d.Reason} at {d.At:u}")));
        Assert.Equal([("2027-03-27", "scheduled"), ("2027-03-28", "catchup"), ("2027-03-29", "scheduled")], deliveries.Select(d => (d.Period, d.Reason)));
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), deliveries[1].At);
        Assert.Equal(3, second.Sink.Posted.Count);
    }

    [Fact]
    public async Task Outage_LongerThanTheGrace_SkipsTheMissedDigestAndLogsIt()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-03-27T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var first = await ScheduledHost.StartAsync(time);
        var subscription = await first.SubscribeAsync(Channel, new SubscriptionRequest { Time = "09:00", TimeZone = "Europe/Berlin" });
        var sink = first.Sink;
        await first.StopAsync();

        time.SetUtcNow(DateTimeOffset.Parse("2027-03-28T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var second = await ScheduledHost.StartAsync(time, first.Directory, sink);
        await second.Logs.WaitForAsync("Skipped the digest of subscription");
        await second.FireNextAsync(subscription.Id);

        var deliveries = await second.DeliveriesAsync();
        Assert.Equal([("2027-03-29", "scheduled")], deliveries.Select(d => (d.Period, d.Reason)));
        Assert.Contains(second.Logs.Lines, l => l.Contains("due at 03/28/2027 07:00:00 +00:00", StringComparison.Ordinal) && l.Contains("missed by 07:00:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChangingTheTime_ReschedulesTheTrigger()
    {
        await using var host = await ScheduledHost.StartAsync(new FakeTimeProvider(DateTimeOffset.Parse("2027-06-01T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        var subscription = await host.SubscribeAsync(Channel, new SubscriptionRequest { Time = "09:00", TimeZone = "America/New_York" });
        var before = (await host.TriggerOfAsync(subscription.Id))!.NextFireTimeUtc;

        var changed = await host.SubscribeAsync(Channel, new SubscriptionRequest { Time = "18:30" });
        var after = (await host.TriggerOfAsync(subscription.Id))!.NextFireTimeUtc;
        var fired = await host.FireNextAsync(subscription.Id);

        Assert.Equal(DateTimeOffset.Parse("2027-06-01T13:00:00Z", System.Globalization.CultureInfo.InvariantCulture), before);
        Assert.Equal(DateTimeOffset.Parse("2027-06-01T22:30:00Z", System.Globalization.CultureInfo.InvariantCulture), after);
        Assert.Equal(after, fired);
        Assert.Equal(DeliveryTimes.NextAfter(changed, DateTimeOffset.Parse("2027-06-01T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture)), after);
        Assert.Single(await host.DeliveriesAsync());
    }

    [Fact]
    public async Task Restart_RebuildsTheSameTriggers_AndPausingOrRemovingDropsThem()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2027-06-01T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var first = await ScheduledHost.StartAsync(time);
        await first.SubscribeAsync(Channel, new SubscriptionRequest { Name = "morning", Time = "09:00", TimeZone = "Europe/Berlin" });
        await first.SubscribeAsync(Channel, new SubscriptionRequest { Name = "weekly", Mode = "weekly", Weekday = "friday", Time = "17:00", TimeZone = "America/New_York" });
        await first.SubscribeAsync(new ChannelKey(3, 31), new SubscriptionRequest { Mode = "instant" });
        var paused = await first.SubscribeAsync(new ChannelKey(3, 32), new SubscriptionRequest { Time = "07:15" });
        await first.Services.GetRequiredService<SubscriptionService>().PauseAsync(paused.Id, "paused by ada", TestContext.Current.CancellationToken);
        var before = await DescribeTriggersAsync(first);
        await first.StopAsync();

        await using var second = await ScheduledHost.StartAsync(time, first.Directory);
        var after = await DescribeTriggersAsync(second);
        var removed = await second.Services.GetRequiredService<SubscriptionService>().UnsubscribeAsync(Channel, "weekly", TestContext.Current.CancellationToken);
        var afterRemoval = await DescribeTriggersAsync(second);

        TestContext.Current.TestOutputHelper?.WriteLine("triggers: " + string.Join("; ", before));
        Assert.Equal(2, before.Count);
        Assert.Equal(before, after);
        Assert.True(removed.Succeeded);
        Assert.Single(afterRemoval);
    }

    [Fact]
    public async Task Reconcile_RemovesATriggerNoSubscriptionWants()
    {
        await using var host = await ScheduledHost.StartAsync(new FakeTimeProvider(DateTimeOffset.Parse("2027-06-01T05:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        var kept = await host.SubscribeAsync(Channel, new SubscriptionRequest());
        var stale = kept with { Id = 9999, Name = "gone" };
        await host.Services.GetRequiredService<DigestSchedule>().SubscriptionChangedAsync(stale, TestContext.Current.CancellationToken);

        var (added, removed, keptCount) = await host.Services.GetRequiredService<DigestScheduleReconciler>().ReconcileAsync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 1, 1), (added, removed, keptCount));
        Assert.Null(await host.TriggerOfAsync(9999));
        Assert.NotNull(await host.TriggerOfAsync(kept.Id));
    }

    private static async Task<List<string>> DescribeTriggersAsync(ScheduledHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(DigestSchedule.Group), TestContext.Current.CancellationToken);
        var result = new List<string>();
        foreach (var key in keys.OrderBy(k => k.Name, StringComparer.Ordinal))
        {
            var trigger = (ICronTrigger)(await scheduler.GetTrigger(key, TestContext.Current.CancellationToken))!;
            result.Add($"{key.Name} {trigger.CronExpressionString} {trigger.TimeZone.Id} next {trigger.NextFireTimeUtc:u}");
        }

        return result;
    }
}
