using System.Text.Json.Serialization;

namespace BotHost.Discord.Interactions.Models;

/// <summary>A channel picked in a CHANNEL option (partial channel from <c>data.resolved.channels</c>).</summary>
public sealed record ResolvedChannel
{
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong Id { get; init; }

    public string? Name { get; init; }

    public int Type { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? Permissions { get; init; }

    /// <summary>The bot's own permissions in this channel (bit set, sent as a string).</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? AppPermissions { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? GuildId { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? ParentId { get; init; }
}
