namespace BotHost.Core.Digests;

/// <summary>
/// One digest to select: the period it belongs to (<c>DeliveryTimes.PeriodKey</c>), the local date its header
/// shows, when it is composed, and since when stories count as new.
/// </summary>
public sealed record DigestRequest(string PeriodKey, DateOnly LocalDate, DateTimeOffset Now, DateTimeOffset Since);
