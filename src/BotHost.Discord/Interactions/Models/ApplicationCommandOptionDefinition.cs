namespace BotHost.Discord.Interactions.Models;

/// <summary>One option of a command definition (FACTS §7).</summary>
public sealed record ApplicationCommandOptionDefinition
{
    public ApplicationCommandOptionType Type { get; init; }

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public bool? Required { get; init; }

    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    /// <summary>Nested options of a subcommand or subcommand group.</summary>
    public IReadOnlyList<ApplicationCommandOptionDefinition>? Options { get; init; }

    /// <summary>Restricts a CHANNEL option's picker, e.g. 0 GUILD_TEXT, 5 GUILD_ANNOUNCEMENT.</summary>
    public IReadOnlyList<int>? ChannelTypes { get; init; }

    public double? MinValue { get; init; }

    public double? MaxValue { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public bool? Autocomplete { get; init; }
}
