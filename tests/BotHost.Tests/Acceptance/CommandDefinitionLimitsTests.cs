using System.Text.Json;
using System.Text.RegularExpressions;
using BotHost.Bridge;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Interactions.Registration;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.Acceptance;

/// <summary>
/// Issue 10, acceptance 3: every command BotHost registers passes Discord's documented limits (FACTS §7), checked
/// twice: by the validator registration runs, and by the rules written out again here from FACTS.
/// </summary>
public sealed partial class CommandDefinitionLimitsTests
{
    [Fact]
    public void RegisteredCommands_PassTheRegistrationValidator()
    {
        var definitions = RegisteredDefinitions();

        CommandDefinitionValidator.Validate(definitions);

        Assert.Contains(definitions, d => d.Name == "subscribe");
        Assert.Contains(definitions, d => d.Type == ApplicationCommandType.Message && d.Name == "Share to digest");
    }

    [Fact]
    public void RegisteredCommands_MeetEveryRuleOfFactsSection7()
    {
        var definitions = RegisteredDefinitions();

        var problems = definitions.SelectMany(Problems).ToList();

        Assert.Empty(problems);
        Assert.True(definitions.Count(d => d.Type == ApplicationCommandType.ChatInput) <= 100);
        Assert.True(definitions.Count(d => d.Type == ApplicationCommandType.Message) <= 15);
    }

    [Fact]
    public void ChangingCommands_DefaultToManageChannels_SentAsAString_AndEveryCommandIsGuildOnly()
    {
        var definitions = RegisteredDefinitions();
        var json = JsonSerializer.SerializeToElement(definitions, InteractionsJsonContext.Default.IReadOnlyListApplicationCommandDefinition);

        foreach (var command in json.EnumerateArray())
        {
            var name = command.GetProperty("name").GetString();
            Assert.Equal("[0]", command.GetProperty("contexts").GetRawText());
            if (name is "subscribe" or "unsubscribe")
            {
                Assert.Equal(JsonValueKind.String, command.GetProperty("default_member_permissions").ValueKind);
                Assert.Equal("16", command.GetProperty("default_member_permissions").GetString());
            }
        }
    }

    [Theory]
    [InlineData("Subscribe", "lowercase")]
    [InlineData("has space", "name")]
    [InlineData("empty-description", "description 1-100")]
    [InlineData("required-after-optional", "required after optional")]
    [InlineData("autocomplete-with-choices", "autocomplete with choices")]
    [InlineData("too-long", "over 8000")]
    public void TheRulesHere_CatchBrokenDefinitions(string which, string expected)
    {
        var option = new ApplicationCommandOptionDefinition { Type = ApplicationCommandOptionType.String, Name = "q", Description = "d" };
        var broken = which switch
        {
            "Subscribe" or "has space" => new ApplicationCommandDefinition { Name = which, Description = "d" },
            "empty-description" => new ApplicationCommandDefinition { Name = which, Description = "" },
            "required-after-optional" => new ApplicationCommandDefinition { Name = which, Description = "d", Options = [option, option with { Name = "r", Required = true }] },
            "autocomplete-with-choices" => new ApplicationCommandDefinition
            {
                Name = which, Description = "d", Options = [option with { Autocomplete = true, Choices = [ApplicationCommandOptionChoice.Of("a", "a")] }],
            },
            _ => new ApplicationCommandDefinition
            {
                Name = which, Description = "d",
                Options = [.. Enumerable.Range(0, 25).Select(i => option with
                {
                    Name = $"o{i}", Description = new string('x', 100),
                    Choices = [.. Enumerable.Range(0, 25).Select(c => ApplicationCommandOptionChoice.Of(new string('c', 10), new string('v', 20)))],
                })],
            },
        };

        Assert.Contains(Problems(broken), p => p.Contains(expected, StringComparison.Ordinal));
    }

    private static IReadOnlyList<ApplicationCommandDefinition> RegisteredDefinitions()
    {
        var builder = BotHostApplication.CreateBuilder(forCli: true, overrides: new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(Path.GetTempPath(), "bothost-tests", "never-opened.db"),
            ["Curation:TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
        });
        builder.Services.AddBotHostCommands();
        using var host = builder.Build();
        return [.. host.Services.GetRequiredService<CommandCatalog>().Commands.Select(c => c.Definition)];
    }

    /// <summary>FACTS §7, rule by rule.</summary>
    private static IEnumerable<string> Problems(ApplicationCommandDefinition command)
    {
        var where = $"'{command.Name}'";
        if (command.Type == ApplicationCommandType.ChatInput)
        {
            foreach (var problem in NameProblems(where, command.Name).Concat(DescriptionProblems(where, command.Description)))
            {
                yield return problem;
            }
        }
        else
        {
            if (command.Name.Length is < 1 or > 32)
            {
                yield return $"{where}: message command name must be 1-32 characters";
            }

            if (command.Description.Length > 0 || command.Options is { Count: > 0 })
            {
                yield return $"{where}: message commands take no description and no options";
            }
        }

        foreach (var problem in OptionProblems(where, command.Options ?? []))
        {
            yield return problem;
        }

        var total = command.Name.Length + command.Description.Length + Characters(command.Options ?? []);
        if (total > 8000)
        {
            yield return $"{where}: {total} characters, over 8000";
        }
    }

    private static IEnumerable<string> OptionProblems(string where, IReadOnlyList<ApplicationCommandOptionDefinition> options)
    {
        if (options.Count > 25)
        {
            yield return $"{where}: {options.Count} options at one level";
        }

        if (options.GroupBy(o => o.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            yield return $"{where}: option {twice.Key} twice";
        }

        var optionalSeen = false;
        foreach (var option in options)
        {
            var at = $"{where} option '{option.Name}'";
            foreach (var problem in NameProblems(at, option.Name).Concat(DescriptionProblems(at, option.Description)))
            {
                yield return problem;
            }

            var isSubcommand = option.Type is ApplicationCommandOptionType.SubCommand or ApplicationCommandOptionType.SubCommandGroup;
            if (option.Required == true && optionalSeen)
            {
                yield return $"{at}: required after optional";
            }

            optionalSeen |= option.Required != true && !isSubcommand;
            var choices = option.Choices ?? [];
            if (choices.Count > 0 && option.Autocomplete == true)
            {
                yield return $"{at}: autocomplete with choices";
            }

            if (choices.Count > 25 || choices.Any(c => c.Name.Length is < 1 or > 100 || (c.Value.ValueKind == JsonValueKind.String && c.Value.GetString()!.Length > 100)))
            {
                yield return $"{at}: choices over the limits (25; names 1-100; string values up to 100)";
            }

            if (option.MinLength is < 0 or > 6000 || option.MaxLength is < 1 or > 6000)
            {
                yield return $"{at}: min_length 0-6000, max_length 1-6000";
            }

            if (option.ChannelTypes is { Count: > 0 } && option.Type != ApplicationCommandOptionType.Channel)
            {
                yield return $"{at}: channel_types on a non-channel option";
            }

            foreach (var problem in OptionProblems(at, option.Options ?? []))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> NameProblems(string where, string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            yield return $"{where}: name must match the documented pattern (1-32 letters, digits, - _ ')";
        }

        if (name != name.ToLowerInvariant())
        {
            yield return $"{where}: name must be lowercase";
        }
    }

    private static IEnumerable<string> DescriptionProblems(string where, string description)
    {
        if (description.Length is < 1 or > 100)
        {
            yield return $"{where}: description 1-100 characters (has {description.Length})";
        }
    }

    private static int Characters(IReadOnlyList<ApplicationCommandOptionDefinition> options)
        => options.Sum(o => o.Name.Length + o.Description.Length + (o.Choices ?? []).Sum(c => c.Name.Length + c.Value.ToString().Length) + Characters(o.Options ?? []));

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
