using System.Text.Json;

namespace BotHost.Discord.Gateway;

/// <summary>One op 0 event as received: <c>t</c>, <c>s</c> and the raw <c>d</c> (cloned, safe to keep).</summary>
public sealed record GatewayDispatch(string EventName, long Sequence, JsonElement Data)
{
    /// <summary>
    /// <see cref="TimeProvider.GetTimestamp"/> of the gateway's clock when the event was read from the socket; null when
    /// unknown. An interaction's 3-second window runs from here, however long the event then waits to be handled.
    /// </summary>
    public long? ReceivedAt { get; init; }
}
