namespace BotHost.Core.Delivery;

/// <summary>Why a digest was composed: its schedule, a catch-up after downtime, /digest now, or instant mode after collecting.</summary>
public enum DeliveryReason
{
    Scheduled,
    CatchUp,
    Now,
    Instant,
}
