using System.Text.Json.Serialization;

namespace BotHost.Discord.Interactions.Models;

/// <summary>
/// The <c>data</c> of an interaction. Command fields (id, name, type, options, resolved) and component
/// fields (custom_id, component_type, values) share one record because Discord sends one or the other.
/// </summary>
public sealed record InteractionData
{
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? Id { get; init; }

    public string? Name { get; init; }

    public ApplicationCommandType? Type { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    public ResolvedData? Resolved { get; init; }

    /// <summary>The message (MESSAGE command) or user (USER command) the command was invoked on.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? TargetId { get; init; }

    public string? CustomId { get; init; }

    public int? ComponentType { get; init; }

    public IReadOnlyList<string>? Values { get; init; }
}
