namespace BotHost.Core.Delivery;

/// <summary>
/// The period a digest belongs to: its key (<c>DeliveryTimes.PeriodKey</c>: a local date, an ISO week, or an
/// instant batch), the local date its header shows, its length (how far a first digest looks back), and now.
/// </summary>
public sealed record DigestPeriod(string Key, DateOnly LocalDate, TimeSpan Length, DateTimeOffset Now);
