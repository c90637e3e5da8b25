namespace BotHost.Core.Delivery;

/// <summary>Where a delivery stands: parts still to send, all sent, nothing to send, or given up (channel gone, body refused).</summary>
public enum DeliveryStatus
{
    Pending,
    Sent,
    Empty,
    Failed,
}
