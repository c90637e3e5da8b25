using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotHost.Discord.Interactions.Models;

/// <summary>The message a MESSAGE command was used on (partial, from <c>data.resolved.messages</c>).</summary>
public sealed record ResolvedMessage
{
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong Id { get; init; }

    public string? Content { get; init; }

    /// <summary>Raw embeds; their <c>url</c> fields are links the message carries.</summary>
    public IReadOnlyList<JsonElement>? Embeds { get; init; }
}
