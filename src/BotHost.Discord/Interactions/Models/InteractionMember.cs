using System.Text.Json.Serialization;

namespace BotHost.Discord.Interactions.Models;

/// <summary>The invoking member in a guild interaction.</summary>
public sealed record InteractionMember
{
    public InteractionUser? User { get; init; }

    /// <summary>Total permissions of the member in the channel, sent as a string bit set.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong Permissions { get; init; }

    public string? Nick { get; init; }

    /// <summary>The member's role ids (snowflake strings on the wire).</summary>
    public IReadOnlyList<string>? Roles { get; init; }
}
