using BotHost.Core.Scheduling;
using BotHost.Core.Subscriptions;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Core.Tests.Scheduling;

/// <summary>The Quartz cron trigger and DeliveryTimes.NextAfter (what /subscribe shows) must name the same instants, DST days included.</summary>
public sealed class CronAgreementTests
{
    public static TheoryData<string, string, string?> Schedules()
    {
        var data = new TheoryData<string, string, string?>();
        foreach (var zone in new[] { "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "Australia/Sydney", "Asia/Kolkata", "Pacific/Auckland", "UTC" })
        {
            foreach (var at in new[] { "00:00", "01:30", "02:00", "02:30", "03:00", "09:00", "23:59" })
            {
                data.Add(zone, at, null);
            }

            data.Add(zone, "02:30", "sunday");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Schedules))]
    public void CronTrigger_OverAYear_FiresExactlyWhenDeliveryTimesSays(string zone, string at, string? weekday)
    {
        var start = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var subscription = new Subscription
        {
            Id = 1,
            Channel = new ChannelKey(1, 1),
            Mode = weekday is null ? SubscriptionMode.Daily : SubscriptionMode.Weekly,
            Weekday = weekday is null ? null : Enum.Parse<DayOfWeek>(weekday, ignoreCase: true),
            DeliveryTime = TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
            TimeZone = zone,
        };
        var trigger = DigestSchedule.TriggerFor(subscription, new FakeTimeProvider(start));

        DateTimeOffset? cron = start, expected = start;
        var checkedFires = 0;
        while (expected < start.AddYears(1))
        {
            cron = trigger.GetFireTimeAfter(cron);
            expected = DeliveryTimes.NextAfter(subscription, expected!.Value);
            Assert.Equal(expected, cron);
            checkedFires++;
        }

        Assert.True(checkedFires >= 52);
    }
}
