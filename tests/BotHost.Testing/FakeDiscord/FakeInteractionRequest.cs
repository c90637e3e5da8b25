using System.Text.Json;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// A request on an interaction route, accepted or refused: <see cref="Status"/> is the HTTP status the fake
/// answered (0 when the connection was dropped) and <see cref="ErrorCode"/> Discord's JSON code of a refusal
/// (40060 already acknowledged, 10062 unknown interaction, 50035 invalid body, …). Body is the JSON the client
/// sent (undefined when it was not JSON).
/// </summary>
public sealed record FakeInteractionRequest(
    FakeInteractionRoute Route,
    string Path,
    ulong? InteractionId,
    string? Token,
    ulong? GuildId,
    JsonElement Body,
    string? Authorization,
    string? UserAgent,
    DateTimeOffset At,
    int Status = 0,
    int? ErrorCode = null)
{
    /// <summary>The callback type of a Callback request (1 PONG, 4 message, 5 deferred, …).</summary>
    public int CallbackType => Body.GetProperty("type").GetInt32();

    /// <summary>Discord answered 2xx: the callback acknowledged the interaction, the message was sent or edited.</summary>
    public bool IsAccepted => Status is >= 200 and < 300;
}
