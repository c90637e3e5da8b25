using System.Globalization;
using System.Text;
using BotHost.Core.Subscriptions;

namespace BotHost.Bridge;

/// <summary>How a subscription reads in chat: what the channel gets, and when next, in the channel's own zone.</summary>
public static class SubscriptionText
{
    public static string Describe(Subscription s, DateTimeOffset now)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"**{s.Name}** in {ChatMarkdown.Channel(s.Channel)}: {Schedule(s)}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Topics: {List(s.Topics, "all")} · Sources: {List(s.Sources, "all")} · {s.Size} stories per digest\n");
        if (s.IncludeKeywords.Count + s.ExcludeKeywords.Count > 0 || s.IncludePattern is not null || s.ExcludePattern is not null)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"Only with: {List(s.IncludeKeywords, "-")}{Pattern(s.IncludePattern)} · Never with: {List(s.ExcludeKeywords, "-")}{Pattern(s.ExcludePattern)}\n");
        }

        if (s.MutedSources.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Muted: {List(s.MutedSources, "-")}\n");
        }

        sb.Append("Sharing: ").Append(s.ShareRoleId is { } role ? $"members with <@&{role}>" : "anyone").Append('\n');
        sb.Append(s.Paused ? $"Paused: {ChatMarkdown.Escape(s.PausedReason ?? "no reason given")} (/subscription resume)" : NextDelivery(s, now));
        return sb.ToString();
    }

    /// <summary>"Next delivery: Thu 2026-11-26 09:00 Europe/Berlin (in 19 h)".</summary>
    public static string NextDelivery(Subscription s, DateTimeOffset now)
    {
        if (DeliveryTimes.NextAfter(s, now) is not { } next)
        {
            return "Delivery: each new story as it arrives";
        }

        var local = TimeZoneInfo.ConvertTime(next, DeliveryTimes.ZoneOf(s));
        return string.Create(CultureInfo.InvariantCulture, $"Next delivery: {local:ddd yyyy-MM-dd HH:mm} {s.TimeZone} ({Until(next - now)})");
    }

    private static string Schedule(Subscription s) => s.Mode switch
    {
        SubscriptionMode.Weekly => string.Create(CultureInfo.InvariantCulture, $"weekly on {s.Weekday ?? DayOfWeek.Monday} at {s.DeliveryTime:HH:mm} ({s.TimeZone})"),
        SubscriptionMode.Instant => "instant (each story as it arrives)",
        _ => string.Create(CultureInfo.InvariantCulture, $"daily at {s.DeliveryTime:HH:mm} ({s.TimeZone})"),
    };

    private static string Until(TimeSpan span) => span switch
    {
        { TotalMinutes: < 60 } => $"in {Math.Max(1, (int)Math.Ceiling(span.TotalMinutes))} min",
        { TotalHours: < 48 } => string.Create(CultureInfo.InvariantCulture, $"in {(int)span.TotalHours} h {span.Minutes} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"in {(int)span.TotalDays} days"),
    };

    private static string List(IReadOnlyList<string> values, string empty) => values.Count == 0 ? empty : ChatMarkdown.Escape(string.Join(", ", values));

    private static string Pattern(string? pattern) => pattern is null ? "" : $" (pattern `{pattern.Replace('`', '\'')}`)";
}
