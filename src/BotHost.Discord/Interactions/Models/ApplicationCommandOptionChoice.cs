using System.Text.Json;

namespace BotHost.Discord.Interactions.Models;

/// <summary>A fixed choice of an option, or an autocomplete suggestion. Value is a string or a number.</summary>
public sealed record ApplicationCommandOptionChoice(string Name, JsonElement Value)
{
    public static ApplicationCommandOptionChoice Of(string name, string value)
        => new(name, JsonSerializer.SerializeToElement(value, InteractionsJsonContext.Default.String));

    public static ApplicationCommandOptionChoice Of(string name, long value)
        => new(name, JsonSerializer.SerializeToElement(value, InteractionsJsonContext.Default.Int64));

    public static ApplicationCommandOptionChoice Of(string name, double value)
        => new(name, JsonSerializer.SerializeToElement(value, InteractionsJsonContext.Default.Double));
}
