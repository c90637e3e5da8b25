using System.Text.Json;

namespace BotHost.Testing.FakeDiscord;

/// <summary>A request the fake accepted on an interaction route. Body is the parsed JSON the client sent.</summary>
public sealed record FakeInteractionRequest(
    FakeInteractionRoute Route,
    string Path,
    ulong? InteractionId,
    string? Token,
    ulong? GuildId,
    JsonElement Body,
    string? Authorization,
    string? UserAgent,
    DateTimeOffset At)
{
    /// <summary>The callback type of a Callback request (1 PONG, 4 message, 5 deferred, …).</summary>
    public int CallbackType => Body.GetProperty("type").GetInt32();
}
