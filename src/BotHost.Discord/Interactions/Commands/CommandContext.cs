using System.Globalization;
using System.Text.Json;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Interactions.Commands;

/// <summary>
/// A slash command invocation (or its autocomplete request) with typed option accessors. Subcommands are
/// unwrapped: <see cref="Subcommand"/> names the path and the accessors read the innermost options.
/// </summary>
public sealed class CommandContext : InteractionContext
{
    private readonly IReadOnlyList<InteractionDataOption> _options;

    public CommandContext(Interaction interaction)
        : base(interaction)
    {
        CommandName = interaction.Data?.Name ?? "";
        var options = interaction.Data?.Options ?? [];
        var path = new List<string>();
        while (options is [{ Type: ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup } nested])
        {
            path.Add(nested.Name);
            options = nested.Options ?? [];
        }

        Subcommand = path.Count == 0 ? null : string.Join(' ', path);
        _options = options;
    }

    public string CommandName { get; }

    /// <summary>"group sub" or "sub" when the command has subcommands; null otherwise.</summary>
    public string? Subcommand { get; }

    /// <summary>The option the user is typing in (autocomplete only).</summary>
    public InteractionDataOption? FocusedOption => _options.FirstOrDefault(o => o.Focused == true);

    /// <summary>Text typed so far in the focused option; empty when none.</summary>
    public string FocusedText => FocusedOption?.Value is { } v ? (v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText()) : "";

    public bool HasOption(string name) => Find(name) is not null;

    public string? GetString(string name)
        => Read(name, ApplicationCommandOptionType.String, v => v.ValueKind == JsonValueKind.String ? v.GetString() : null);

    public long? GetInteger(string name)
        => Read(name, ApplicationCommandOptionType.Integer, v => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : (long?)null);

    public double? GetNumber(string name)
        => Read(name, ApplicationCommandOptionType.Number, v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null);

    public bool? GetBoolean(string name)
        => Read(name, ApplicationCommandOptionType.Boolean, v => v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : (bool?)null);

    /// <summary>The picked channel with its resolved details; only the id is known when Discord sent no resolved entry.</summary>
    public ResolvedChannel? GetChannel(string name)
    {
        var id = Read(name, ApplicationCommandOptionType.Channel, ReadSnowflake);
        if (id is not { } channelId)
        {
            return null;
        }

        var key = channelId.ToString(CultureInfo.InvariantCulture);
        return Interaction.Data?.Resolved?.Channels?.GetValueOrDefault(key) ?? new ResolvedChannel { Id = channelId };
    }

    private static ulong? ReadSnowflake(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when ulong.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => id,
        JsonValueKind.Number when value.TryGetUInt64(out var id) => id,
        _ => null,
    };

    private InteractionDataOption? Find(string name) => _options.FirstOrDefault(o => o.Name == name);

    private T? Read<T>(string name, ApplicationCommandOptionType expected, Func<JsonElement, T?> convert)
    {
        if (Find(name) is not { Value: { } value } option)
        {
            return default;
        }

        // During autocomplete Discord sends the partial text of the focused option, whatever its type.
        if (option.Type != expected && option.Focused != true)
        {
            throw new InvalidOperationException(
                $"Option '{name}' of /{CommandName} is a {option.Type} option, not {expected}: use the matching Get method.");
        }

        return convert(value);
    }
}
