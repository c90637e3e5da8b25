using System.Text.RegularExpressions;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Interactions.Registration;

/// <summary>
/// Checks definitions against Discord's documented limits (FACTS §7) before they are sent, so a bad
/// definition fails at startup with a message naming the field instead of a 50035 from Discord.
/// </summary>
public static partial class CommandDefinitionValidator
{
    public const int MaxOptions = 25;
    public const int MaxChoices = 25;
    public const int MaxDescription = 100;
    public const int MaxChoiceName = 100;
    public const int MaxStringChoiceValue = 100;
    public const int MaxCommandCharacters = 8000;
    public const int MaxCommandsPerType = 100;

    /// <exception cref="InvalidCommandDefinitionException">The first broken limit found.</exception>
    public static void Validate(IReadOnlyList<ApplicationCommandDefinition> definitions)
    {
        var duplicate = definitions.GroupBy(d => (d.Type, d.Name)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidCommandDefinitionException(duplicate.Key.Name, "name", "is used by more than one command of the same type; names must be unique.");
        }

        var crowded = definitions.GroupBy(d => d.Type).FirstOrDefault(g => g.Count() > MaxCommandsPerType);
        if (crowded is not null)
        {
            throw new InvalidCommandDefinitionException(crowded.First().Name, "type", $"{crowded.Key} has {crowded.Count()} commands; Discord allows at most {MaxCommandsPerType}.");
        }

        foreach (var definition in definitions)
        {
            Validate(definition);
        }
    }

    public static void Validate(ApplicationCommandDefinition definition)
    {
        var command = definition.Name;
        if (definition.Type == ApplicationCommandType.ChatInput)
        {
            CheckName(command, "name", definition.Name);
            CheckDescription(command, "description", definition.Description);
        }
        else if (definition.Name.Length is < 1 or > 32)
        {
            throw new InvalidCommandDefinitionException(command, "name", "must be 1-32 characters.");
        }

        CheckOptions(command, "options", definition.Options ?? []);

        var characters = CountCharacters(definition);
        if (characters > MaxCommandCharacters)
        {
            throw new InvalidCommandDefinitionException(command, "names, descriptions and choice values", $"total {characters} characters; Discord allows at most {MaxCommandCharacters} per command.");
        }
    }

    private static void CheckOptions(string command, string path, IReadOnlyList<ApplicationCommandOptionDefinition> options)
    {
        if (options.Count > MaxOptions)
        {
            throw new InvalidCommandDefinitionException(command, path, $"has {options.Count} options; Discord allows at most {MaxOptions} per level.");
        }

        var seenOptional = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var field = $"option '{option.Name}'";
            CheckName(command, $"{field} name", option.Name);
            CheckDescription(command, $"{field} description", option.Description);
            if (!names.Add(option.Name))
            {
                throw new InvalidCommandDefinitionException(command, field, "appears twice at the same level; option names must be unique.");
            }

            var isSubcommand = option.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup;
            if (option.Required == true && seenOptional)
            {
                throw new InvalidCommandDefinitionException(command, field, "is required but follows an optional option; required options must come first.");
            }

            seenOptional |= option.Required != true && !isSubcommand;
            CheckChoices(command, field, option);
            CheckRanges(command, field, option);
            if (option.Options is { Count: > 0 } nested)
            {
                if (!isSubcommand)
                {
                    throw new InvalidCommandDefinitionException(command, field, "has nested options but only subcommands and groups may.");
                }

                CheckOptions(command, $"{field} options", nested);
            }

            if (option.ChannelTypes is { Count: > 0 } && option.Type != ApplicationCommandOptionType.Channel)
            {
                throw new InvalidCommandDefinitionException(command, field, "sets channel_types but is not a CHANNEL option.");
            }
        }
    }

    private static void CheckChoices(string command, string field, ApplicationCommandOptionDefinition option)
    {
        if (option.Choices is not { Count: > 0 } choices)
        {
            return;
        }

        if (option.Autocomplete == true)
        {
            throw new InvalidCommandDefinitionException(command, field, "combines autocomplete with choices; Discord allows one or the other.");
        }

        if (option.Type is not (ApplicationCommandOptionType.String or ApplicationCommandOptionType.Integer or ApplicationCommandOptionType.Number))
        {
            throw new InvalidCommandDefinitionException(command, field, "has choices but only STRING, INTEGER and NUMBER options may.");
        }

        if (choices.Count > MaxChoices)
        {
            throw new InvalidCommandDefinitionException(command, field, $"has {choices.Count} choices; Discord allows at most {MaxChoices}.");
        }

        foreach (var choice in choices)
        {
            if (choice.Name.Length is < 1 or > MaxChoiceName)
            {
                throw new InvalidCommandDefinitionException(command, $"{field} choice '{choice.Name}'", $"name must be 1-{MaxChoiceName} characters.");
            }

            if (choice.Value.ValueKind == System.Text.Json.JsonValueKind.String && choice.Value.GetString()!.Length > MaxStringChoiceValue)
            {
                throw new InvalidCommandDefinitionException(command, $"{field} choice '{choice.Name}'", $"value must be at most {MaxStringChoiceValue} characters.");
            }
        }
    }

    private static void CheckRanges(string command, string field, ApplicationCommandOptionDefinition option)
    {
        if (option.MinLength is < 0 or > 6000 || option.MaxLength is < 1 or > 6000)
        {
            throw new InvalidCommandDefinitionException(command, field, "min_length must be 0-6000 and max_length 1-6000.");
        }

        if (option.MinLength > option.MaxLength || option.MinValue > option.MaxValue)
        {
            throw new InvalidCommandDefinitionException(command, field, "has a minimum greater than its maximum.");
        }
    }

    private static void CheckName(string command, string field, string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new InvalidCommandDefinitionException(command, field, $"'{name}' must be 1-32 letters, digits, '-', '_' or apostrophes, without spaces.");
        }

        if (!string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            throw new InvalidCommandDefinitionException(command, field, $"'{name}' must be lowercase.");
        }
    }

    private static void CheckDescription(string command, string field, string description)
    {
        if (description.Length is < 1 or > MaxDescription)
        {
            throw new InvalidCommandDefinitionException(command, field, $"must be 1-{MaxDescription} characters (it has {description.Length}).");
        }
    }

    private static int CountCharacters(ApplicationCommandDefinition definition)
        => definition.Name.Length + definition.Description.Length + CountCharacters(definition.Options ?? []);

    private static int CountCharacters(IReadOnlyList<ApplicationCommandOptionDefinition> options)
        => options.Sum(o => o.Name.Length + o.Description.Length
            + (o.Choices ?? []).Sum(c => c.Name.Length + c.Value.ToString().Length)
            + CountCharacters(o.Options ?? []));

    // Discord's documented pattern (FACTS §7); .NET lacks \p{sc=...} script classes, so the Devanagari and
    // Thai blocks stand in for them (their marks are not \p{L}/\p{N}).
    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();
}
