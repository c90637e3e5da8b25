using BotHost.Core.Digests;

namespace BotHost.Core.Delivery;

/// <summary>
/// What composing did: recorded a new delivery (<see cref="DeliveryId"/>, its parts), or found the period's
/// digest already recorded (<see cref="Existing"/>), in which case nothing new was written.
/// </summary>
public sealed record ComposeResult(long? DeliveryId, DeliverySummary? Existing, DigestSelection? Selection, IReadOnlyList<DigestPart> Parts)
{
    public bool Composed => DeliveryId is not null;
}
