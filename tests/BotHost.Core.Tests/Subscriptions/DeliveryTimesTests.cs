using BotHost.Core.Subscriptions;

namespace BotHost.Core.Tests.Subscriptions;

/// <summary>
/// Delivery instants in a channel's zone. Europe/Berlin 2026: clocks spring forward on 29 March at 02:00 CET
/// (→ 03:00 CEST, 01:00 UTC) and fall back on 25 October at 03:00 CEST (→ 02:00 CET, 01:00 UTC).
/// </summary>
public sealed class DeliveryTimesTests
{
    private static readonly Subscription BerlinAt0230 = new() { Id = 7, TimeZone = "Europe/Berlin", DeliveryTime = new TimeOnly(2, 30) };

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void NextAfter_DailyInUtc_IsTodayWhenStillAheadAndTomorrowOtherwise()
    {
        var subscription = new Subscription { TimeZone = "UTC", DeliveryTime = new TimeOnly(9, 0) };

        Assert.Equal(Utc(11, 25, 9), DeliveryTimes.NextAfter(subscription, Utc(11, 25, 6)));
        Assert.Equal(Utc(11, 26, 9), DeliveryTimes.NextAfter(subscription, Utc(11, 25, 9)));
        Assert.Equal(Utc(11, 26, 9), DeliveryTimes.NextAfter(subscription, Utc(11, 25, 9, 1)));
    }

    [Fact]
    public void NextAfter_DailyInBerlin_FollowsTheLocalClockAcrossTheOffsetChange()
    {
        var subscription = BerlinAt0230 with { DeliveryTime = new TimeOnly(9, 0) };

        Assert.Equal(Utc(3, 28, 8), DeliveryTimes.NextAfter(subscription, Utc(3, 28, 0)));
        Assert.Equal(Utc(3, 29, 7), DeliveryTimes.NextAfter(subscription, Utc(3, 28, 8)));
        Assert.Equal(Utc(10, 25, 8), DeliveryTimes.NextAfter(subscription, Utc(10, 24, 7)));
    }

    [Fact]
    public void NextAfter_SpringForward_TimeInTheGapIsDeliveredOnceAtTheEndOfTheGap()
    {
        var onTheDay = DeliveryTimes.NextAfter(BerlinAt0230, Utc(3, 28, 12));
        var afterIt = DeliveryTimes.NextAfter(BerlinAt0230, onTheDay!.Value);

        // 02:30 does not exist on 29 March; the first valid local instant after the gap is 03:00 CEST = 01:00 UTC.
        Assert.Equal(Utc(3, 29, 1), onTheDay);
        Assert.Equal(Utc(3, 30, 0, 30), afterIt);
    }

    [Fact]
    public void NextAfter_SpringForward_JustBeforeTheGapEndsStillGivesThatDay()
    {
        Assert.Equal(Utc(3, 29, 1), DeliveryTimes.NextAfter(BerlinAt0230, Utc(3, 29, 0, 59)));
        Assert.Equal(Utc(3, 28, 1, 30), DeliveryTimes.NextAfter(BerlinAt0230, Utc(3, 27, 1, 30)));
    }

    [Fact]
    public void NextAfter_FallBack_TimeThatOccursTwiceIsDeliveredOnceAtItsFirstOccurrence()
    {
        var first = DeliveryTimes.NextAfter(BerlinAt0230, Utc(10, 24, 12));
        var next = DeliveryTimes.NextAfter(BerlinAt0230, first!.Value);

        // 02:30 CEST = 00:30 UTC comes first; 02:30 CET = 01:30 UTC is the same wall time again and is skipped.
        Assert.Equal(Utc(10, 25, 0, 30), first);
        Assert.Equal(Utc(10, 26, 1, 30), next);
        Assert.Equal(Utc(10, 26, 1, 30), DeliveryTimes.NextAfter(BerlinAt0230, Utc(10, 25, 1, 0)));
    }

    [Fact]
    public void NextAfter_Weekly_LandsOnTheWeekdayAtLocalTimeOnBothSidesOfTheChange()
    {
        var sundays = BerlinAt0230 with { Mode = SubscriptionMode.Weekly, Weekday = DayOfWeek.Sunday };

        var springSunday = DeliveryTimes.NextAfter(sundays, Utc(3, 23, 12));
        var weekLater = DeliveryTimes.NextAfter(sundays, springSunday!.Value);
        var fallSunday = DeliveryTimes.NextAfter(sundays, Utc(10, 19, 0));
        var afterFall = DeliveryTimes.NextAfter(sundays, fallSunday!.Value);

        Assert.Equal(Utc(3, 29, 1), springSunday);
        Assert.Equal(Utc(4, 5, 0, 30), weekLater);
        Assert.Equal(Utc(10, 25, 0, 30), fallSunday);
        Assert.Equal(Utc(11, 1, 1, 30), afterFall);
    }

    [Fact]
    public void NextAfter_WeeklyWithoutWeekday_MeansMonday()
    {
        var weekly = new Subscription { Mode = SubscriptionMode.Weekly, TimeZone = "UTC", DeliveryTime = new TimeOnly(9, 0) };

        // 25 November 2026 is a Wednesday.
        Assert.Equal(Utc(11, 30, 9), DeliveryTimes.NextAfter(weekly, Utc(11, 25, 6)));
    }

    [Fact]
    public void NextAfter_InstantMode_HasNoScheduledDelivery()
    {
        Assert.Null(DeliveryTimes.NextAfter(BerlinAt0230 with { Mode = SubscriptionMode.Instant }, Utc(11, 25, 6)));
    }

    [Fact]
    public void NextAfter_InAZoneAheadOfUtc_UsesTheLocalDate()
    {
        var tokyo = new Subscription { TimeZone = "Asia/Tokyo", DeliveryTime = new TimeOnly(8, 0) };

        // 23:30 UTC on the 24th is 08:30 on the 25th in Tokyo: today's 08:00 has passed.
        Assert.Equal(Utc(11, 25, 23), DeliveryTimes.NextAfter(tokyo, Utc(11, 24, 23, 30)));
    }

    [Fact]
    public void PeriodKey_Daily_IsTheLocalDateInTheSubscriptionsZone()
    {
        Assert.Equal("2026-10-25", DeliveryTimes.PeriodKey(BerlinAt0230, Utc(10, 24, 22, 30)));
        Assert.Equal("2026-10-24", DeliveryTimes.PeriodKey(BerlinAt0230, Utc(10, 24, 21, 59)));
        Assert.Equal("2026-10-24", DeliveryTimes.PeriodKey(BerlinAt0230 with { TimeZone = "UTC" }, Utc(10, 24, 22, 30)));
    }

    [Fact]
    public void PeriodKey_Weekly_IsTheIsoWeekIncludingAcrossTheYearEnd()
    {
        var weekly = BerlinAt0230 with { Mode = SubscriptionMode.Weekly, Weekday = DayOfWeek.Monday };

        Assert.Equal("2026-W48", DeliveryTimes.PeriodKey(weekly, Utc(11, 25, 6)));
        Assert.Equal("2026-W53", DeliveryTimes.PeriodKey(weekly, new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2027-W01", DeliveryTimes.PeriodKey(weekly, new DateTimeOffset(2027, 1, 3, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void PeriodKey_OfAScheduledDelivery_IsThePeriodOfItsLocalDay()
    {
        var due = DeliveryTimes.NextAfter(BerlinAt0230, Utc(3, 28, 12))!.Value;

        Assert.Equal("2026-03-29", DeliveryTimes.PeriodKey(BerlinAt0230, due));
    }
}
