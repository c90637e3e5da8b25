using System.Text.Json.Serialization;

namespace BotHost.Discord.Interactions.Models;

/// <summary>The user fields interactions need.</summary>
public sealed record InteractionUser
{
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong Id { get; init; }

    public string Username { get; init; } = "";

    public string? GlobalName { get; init; }
}
