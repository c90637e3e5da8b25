using System.Text.Json.Serialization;

namespace BotHost.Discord.Models;

/// <summary>A message as Discord returns it, reduced to the fields the bot reads.</summary>
public sealed record Message
{
    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong Id { get; init; }

    [JsonConverter(typeof(SnowflakeJsonConverter))]
    public ulong ChannelId { get; init; }

    public string? Content { get; init; }

    public User? Author { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<ActionRow>? Components { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public DateTimeOffset? EditedTimestamp { get; init; }

    /// <summary>Discord echoes the nonce as given; it may be a number or a string.</summary>
    [JsonConverter(typeof(NonceJsonConverter))]
    public string? Nonce { get; init; }

    public int? Flags { get; init; }
}
