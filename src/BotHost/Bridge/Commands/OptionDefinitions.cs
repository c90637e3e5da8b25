using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Bridge.Commands;

/// <summary>Option definitions several commands share, so they read and validate the same everywhere.</summary>
public static class OptionDefinitions
{
    public static ApplicationCommandOptionDefinition Text(string name, string description, bool autocomplete = false, bool required = false, int? maxLength = null) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = name,
        Description = description,
        Required = required ? true : null,
        Autocomplete = autocomplete ? true : null,
        MaxLength = maxLength,
    };

    /// <summary>The optional channel a subscription command acts on (default: where it is used).</summary>
    public static ApplicationCommandOptionDefinition Channel(string description) => new()
    {
        Type = ApplicationCommandOptionType.Channel,
        Name = CommandChannel.OptionName,
        Description = description,
        ChannelTypes = CommandChannel.PostableTypes,
    };

    /// <summary>The optional subscription name, completed from the channel's subscriptions.</summary>
    public static ApplicationCommandOptionDefinition Name(string description = "Which subscription (default: the channel's only one).")
        => Text("name", description, autocomplete: true, maxLength: SubscriptionRules.MaxNameLength);

    public static ApplicationCommandOptionDefinition Subcommand(string name, string description, params ApplicationCommandOptionDefinition[] options) => new()
    {
        Type = ApplicationCommandOptionType.SubCommand,
        Name = name,
        Description = description,
        Options = options.Length == 0 ? null : options,
    };
}
