using System.Globalization;

namespace BotHost.Core.Subscriptions;

/// <summary>
/// When a subscription's digests are due, in its own time zone. `/subscribe` shows <see cref="NextAfter"/> and the
/// scheduler fires on it, so the two cannot disagree. Daylight-saving rules: a local time that does not exist on
/// a spring-forward day is delivered at the first valid instant after the gap (once); a local time that occurs
/// twice on a fall-back day is delivered at its first occurrence (once).
/// </summary>
public static class DeliveryTimes
{
    /// <summary>The next delivery strictly after <paramref name="instant"/>, as a UTC instant; null in instant mode.</summary>
    public static DateTimeOffset? NextAfter(Subscription subscription, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (subscription.Mode == SubscriptionMode.Instant)
        {
            return null;
        }

        var zone = ZoneOf(subscription);
        var localToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

        // Starting a day early covers a delivery that is still ahead in UTC although its local date is yesterday's
        // in no zone we know, and costs nothing; eight days always contain one weekly candidate after the instant.
        for (var day = localToday.AddDays(-1); day <= localToday.AddDays(8); day = day.AddDays(1))
        {
            if (subscription.Mode == SubscriptionMode.Weekly && day.DayOfWeek != (subscription.Weekday ?? DayOfWeek.Monday))
            {
                continue;
            }

            var due = FirstInstantReaching(zone, day.ToDateTime(subscription.DeliveryTime));
            if (due > instant)
            {
                return due;
            }
        }

        throw new InvalidOperationException($"No delivery found within 8 days for subscription {subscription.Id}; this is a bug.");
    }

    /// <summary>
    /// The digest period <paramref name="instant"/> belongs to in the subscription's zone: the local date (yyyy-MM-dd)
    /// for daily and instant subscriptions, the ISO week (yyyy-Www) for weekly ones. A digest posted by hand counts
    /// for the period it is posted in, so the scheduled one of that period is not posted again.
    /// </summary>
    public static string PeriodKey(Subscription subscription, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var local = TimeZoneInfo.ConvertTime(instant, ZoneOf(subscription)).DateTime;
        return subscription.Mode == SubscriptionMode.Weekly
            ? string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local):D4}-W{ISOWeek.GetWeekOfYear(local):D2}")
            : local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>The subscription's zone; it was validated when stored, so a missing one means the system's zone data changed.</summary>
    public static TimeZoneInfo ZoneOf(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return TimeZoneCatalog.Find(subscription.TimeZone)
            ?? throw new InvalidOperationException(
                $"Subscription {subscription.Id} ({subscription.Name}) uses time zone '{subscription.TimeZone}', which this system does not know; " +
                "install the tzdata package or set another zone with /subscribe timezone:…");
    }

    /// <summary>
    /// The first instant at which the zone's wall clock shows <paramref name="local"/> or later: the unique instant on
    /// an ordinary day, the earlier one when the time occurs twice, the end of the gap when it does not occur.
    /// </summary>
    internal static DateTimeOffset FirstInstantReaching(TimeZoneInfo zone, DateTime local)
    {
        var wall = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);

        // Offsets in force within a day either side; a zone changes its offset at most once in such a window.
        var offsets = new[] { wall.AddDays(-1), wall, wall.AddDays(1) }.Select(zone.GetUtcOffset).Distinct().ToList();
        DateTimeOffset? first = null;
        foreach (var offset in offsets)
        {
            var candidate = wall - offset;
            if (zone.GetUtcOffset(candidate) == offset && (first is null || candidate < first))
            {
                first = candidate;
            }
        }

        if (first is { } found)
        {
            return found.ToUniversalTime();
        }

        // The wall clock skips this time: find the transition (the first second whose wall time is at or past it).
        var low = (wall - offsets.Max()).ToUnixTimeSeconds();
        var high = (wall - offsets.Min()).ToUnixTimeSeconds();
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            var at = DateTimeOffset.FromUnixTimeSeconds(middle);
            if (at.UtcDateTime + zone.GetUtcOffset(at) >= local)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return DateTimeOffset.FromUnixTimeSeconds(high);
    }
}
