using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using BotHost.Bridge;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Permissions;

namespace BotHost.Cli;

/// <summary>
/// Reads a command line as a member would type it in Discord into the interaction Discord would send, on the local
/// pretend channel: <c>/subscribe topics:backend, ai time:09:00</c>, <c>/subscription pause reason:"on holiday"</c>,
/// <c>Share to digest see https://example.com/post</c> (a message command with the message's text), or
/// <c>press unsub:keep</c> (a button). A value runs until the next <c>option:</c> of the command; quotes keep one together.
/// </summary>
public static partial class OfflineInteractionParser
{
    public const string PressVerb = "press";
    private const ulong LocalUserId = 1;
    private const ulong LocalMessageId = 2;

    public static bool TryParse(string line, CommandCatalog catalog, out Interaction interaction, out string error)
    {
        interaction = null!;
        error = string.Empty;
        var text = line.Trim();
        if (text.StartsWith(PressVerb + " ", StringComparison.OrdinalIgnoreCase))
        {
            interaction = Local(InteractionType.MessageComponent, new InteractionData { CustomId = text[(PressVerb.Length + 1)..].Trim(), ComponentType = 2 });
            return true;
        }

        if (catalog.Commands.FirstOrDefault(c => c.Definition.Type == ApplicationCommandType.Message
                && text.StartsWith(c.Definition.Name, StringComparison.OrdinalIgnoreCase)) is { } messageCommand)
        {
            interaction = MessageCommand(messageCommand.Definition.Name, text[messageCommand.Definition.Name.Length..].Trim());
            return true;
        }

        if (!text.StartsWith('/'))
        {
            error = $"A command starts with / (e.g. \"/help\"), or is a message command followed by the message's text (e.g. \"{ShareMessageExample}\").";
            return false;
        }

        var tokens = Tokens(text[1..]).ToList();
        var name = tokens.Count == 0 ? "" : tokens[0].Text;
        if (catalog.FindCommand(name) is not { Definition.Type: ApplicationCommandType.ChatInput } command)
        {
            error = $"Unknown command /{name}. Commands: {string.Join(", ", catalog.Commands.Where(c => c.Definition.Type == ApplicationCommandType.ChatInput).Select(c => "/" + c.Definition.Name).Order(StringComparer.Ordinal))}.";
            return false;
        }

        if (!TryReadOptions(command.Definition, tokens.Skip(1).ToList(), out var options, out error))
        {
            return false;
        }

        interaction = Local(InteractionType.ApplicationCommand, new InteractionData { Name = command.Definition.Name, Type = ApplicationCommandType.ChatInput, Options = options });
        return true;
    }

    private const string ShareMessageExample = "Share to digest read https://example.com/post";

    private static bool TryReadOptions(ApplicationCommandDefinition definition, List<Token> tokens, out IReadOnlyList<InteractionDataOption> options, out string error)
    {
        options = [];
        error = string.Empty;
        var level = definition.Options ?? [];
        var where = "/" + definition.Name;
        var subcommands = level.Where(o => o.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup).ToList();
        ApplicationCommandOptionDefinition? subcommand = null;
        if (subcommands.Count > 0)
        {
            subcommand = tokens.Count > 0 && !tokens[0].IsOption ? subcommands.FirstOrDefault(s => s.Name == tokens[0].Text) : null;
            if (subcommand is null)
            {
                error = $"{where} needs a subcommand: {string.Join(", ", subcommands.Select(s => s.Name))} (e.g. {where} {subcommands[0].Name}).";
                return false;
            }

            tokens = tokens.Skip(1).ToList();
            level = subcommand.Options ?? [];
            where += " " + subcommand.Name;
        }

        var given = new List<(ApplicationCommandOptionDefinition Definition, StringBuilder Value)>();
        foreach (var token in tokens)
        {
            var option = token.IsOption ? level.FirstOrDefault(o => o.Name == token.OptionName) : null;
            if (option is not null)
            {
                if (given.Any(g => g.Definition.Name == option.Name))
                {
                    error = $"{option.Name}: is given twice in {where}.";
                    return false;
                }

                given.Add((option, new StringBuilder(token.Value)));
            }
            else if (given.Count > 0 && !token.Quoted)
            {
                given[^1].Value.Append(' ').Append(token.Text);
            }
            else
            {
                error = level.Count == 0
                    ? $"{where} takes no options; you typed '{token.Text}'."
                    : $"Unknown option '{token.Text}' for {where}; it takes: {string.Join(", ", level.Select(o => o.Name + ":"))}.";
                return false;
            }
        }

        if (level.FirstOrDefault(o => o.Required == true && given.All(g => g.Definition.Name != o.Name)) is { } missing)
        {
            error = $"{where} needs {missing.Name}: ({missing.Description}), e.g. {where} {missing.Name}:…";
            return false;
        }

        var values = new List<InteractionDataOption>();
        foreach (var (option, value) in given)
        {
            if (!TryConvert(option, value.ToString().Trim(), where, out var json, out error))
            {
                return false;
            }

            values.Add(new InteractionDataOption { Name = option.Name, Type = option.Type, Value = json });
        }

        options = subcommand is null ? values : [new InteractionDataOption { Name = subcommand.Name, Type = subcommand.Type, Options = values }];
        return true;
    }

    private static bool TryConvert(ApplicationCommandOptionDefinition option, string value, string where, out JsonElement json, out string error)
    {
        json = default;
        error = string.Empty;
        if (option.Choices is { Count: > 0 } choices && !choices.Any(c => string.Equals(c.Value.ToString(), value, StringComparison.OrdinalIgnoreCase)))
        {
            error = $"{option.Name}: in {where} must be one of {string.Join(", ", choices.Select(c => c.Value.ToString()))}; you typed '{value}'.";
            return false;
        }

        switch (option.Type)
        {
            case ApplicationCommandOptionType.Integer when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                json = JsonSerializer.SerializeToElement(whole, CliJsonContext.Default.Int64);
                return true;
            case ApplicationCommandOptionType.Integer:
                error = $"{option.Name}: in {where} must be a whole number; you typed '{value}'.";
                return false;
            case ApplicationCommandOptionType.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                json = JsonSerializer.SerializeToElement(number, CliJsonContext.Default.Double);
                return true;
            case ApplicationCommandOptionType.Boolean when bool.TryParse(value, out var flag):
                json = JsonSerializer.SerializeToElement(flag, CliJsonContext.Default.Boolean);
                return true;
            case ApplicationCommandOptionType.Channel or ApplicationCommandOptionType.Role or ApplicationCommandOptionType.User or ApplicationCommandOptionType.Mentionable:
                var digits = Snowflake().Match(value);
                if (!digits.Success)
                {
                    error = $"{option.Name}: in {where} takes an id such as {ChannelKey.Local.ChannelId} or <#{ChannelKey.Local.ChannelId}>; you typed '{value}'.";
                    return false;
                }

                json = JsonSerializer.SerializeToElement(digits.Groups[1].Value, CliJsonContext.Default.String);
                return true;
            case ApplicationCommandOptionType.Number or ApplicationCommandOptionType.Boolean:
                error = $"{option.Name}: in {where} must be {(option.Type == ApplicationCommandOptionType.Boolean ? "true or false" : "a number")}; you typed '{value}'.";
                return false;
            default:
                json = JsonSerializer.SerializeToElement(value, CliJsonContext.Default.String);
                return true;
        }
    }

    private static Interaction MessageCommand(string name, string messageText)
    {
        var id = LocalMessageId.ToString(CultureInfo.InvariantCulture);
        return Local(InteractionType.ApplicationCommand, new InteractionData
        {
            Name = name,
            Type = ApplicationCommandType.Message,
            TargetId = LocalMessageId,
            Resolved = new ResolvedData { Messages = new Dictionary<string, ResolvedMessage> { [id] = new() { Id = LocalMessageId, Content = messageText } } },
        });
    }

    /// <summary>What the offline console's pretend member and bot hold: enough for every command.</summary>
    private const ulong OfflineConsolePermissions = DiscordPermissions.Administrator | DiscordPermissions.ManageChannels | DiscordPermissions.ManageGuild
        | DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages | DiscordPermissions.EmbedLinks;

    /// <summary>An interaction from the console's member, who holds every permission, in the local pretend channel.</summary>
    private static Interaction Local(InteractionType type, InteractionData data) => new()
    {
        Id = 1,
        Type = type,
        Token = "offline",
        GuildId = ChannelKey.Local.GuildId,
        ChannelId = ChannelKey.Local.ChannelId,
        Member = new InteractionMember { User = new InteractionUser { Id = LocalUserId, Username = "you" }, Permissions = OfflineConsolePermissions },
        AppPermissions = OfflineConsolePermissions,
        Data = data,
    };

    private sealed record Token(string Text, bool Quoted, string? OptionName, string Value)
    {
        public bool IsOption => OptionName is not null;
    }

    // Splits on white space; "quoted text" stays together, also as an option value (reason:"on holiday").
    private static IEnumerable<Token> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                yield break;
            }

            var sb = new StringBuilder();
            var quoted = false;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                if (text[i] is '"' or '\'' && text.IndexOf(text[i], i + 1) is var close and > 0)
                {
                    sb.Append(text, i + 1, close - i - 1);
                    quoted = true;
                    i = close + 1;
                    continue;
                }

                sb.Append(text[i++]);
            }

            var raw = sb.ToString();
            var option = OptionPrefix().Match(raw);
            yield return option.Success
                ? new Token(raw, quoted, option.Groups[1].Value, option.Groups[2].Value)
                : new Token(raw, quoted, null, raw);
        }
    }

    [GeneratedRegex(@"^([-_'\p{L}\p{N}]{1,32}):(.*)$", RegexOptions.Singleline)]
    private static partial Regex OptionPrefix();

    [GeneratedRegex(@"^<?[#@]?&?(\d{1,20})>?$")]
    private static partial Regex Snowflake();
}
