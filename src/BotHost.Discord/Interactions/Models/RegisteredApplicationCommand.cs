using System.Text.Json.Serialization;

namespace BotHost.Discord.Interactions.Models;

/// <summary>A command as Discord returns it after registration: the definition's name plus its ids.</summary>
public sealed record RegisteredApplicationCommand
{
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong Id { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong ApplicationId { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? GuildId { get; init; }

    public string Name { get; init; } = "";

    public ApplicationCommandType Type { get; init; }
}
