using System.Text.Json;

namespace BotHost.Discord.Interactions.Models;

/// <summary>One option value the user gave; subcommands nest further options.</summary>
public sealed record InteractionDataOption
{
    public string Name { get; init; } = "";

    public ApplicationCommandOptionType Type { get; init; }

    /// <summary>String, number or boolean depending on <see cref="Type"/>; ids (channel, user) arrive as strings.</summary>
    public JsonElement? Value { get; init; }

    public IReadOnlyList<InteractionDataOption>? Options { get; init; }

    /// <summary>True on the option the user is typing in during autocomplete.</summary>
    public bool? Focused { get; init; }
}
