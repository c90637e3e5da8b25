using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Interactions.Registration;

namespace BotHost.Discord.Tests.Interactions;

public sealed class CommandDefinitionValidatorTests
{
    [Fact]
    public void Validate_WithinLimits_Passes()
    {
        var definition = Command() with
        {
            Options =
            [
                Option("channel", ApplicationCommandOptionType.Channel, required: true) with { ChannelTypes = [0, 5] },
                Option("größe", ApplicationCommandOptionType.Integer) with { MinValue = 1, MaxValue = 10 },
                Option("mode", ApplicationCommandOptionType.String) with
                {
                    Choices = [ApplicationCommandOptionChoice.Of("Daily", "daily"), ApplicationCommandOptionChoice.Of("Weekly", "weekly")],
                },
            ],
        };

        var error = Record.Exception(() => CommandDefinitionValidator.Validate([definition]));

        Assert.Null(error);
    }

    [Theory]
    [InlineData("Digest", "must be lowercase")]
    [InlineData("two words", "without spaces")]
    [InlineData("", "1-32")]
    [InlineData("abcdefghijklmnopqrstuvwxyz1234567", "1-32")]
    public void Validate_WithBadCommandName_NamesCommandAndField(string name, string problem)
    {
        var error = Assert.Throws<InvalidCommandDefinitionException>(() => CommandDefinitionValidator.Validate([Command() with { Name = name }]));

        Assert.Equal(name, error.Command);
        Assert.Equal("name", error.Field);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_WithDescriptionOutside1To100_Throws(int length)
    {
        var error = Assert.Throws<InvalidCommandDefinitionException>(
            () => CommandDefinitionValidator.Validate([Command() with { Description = new string('d', length) }]));

        Assert.Equal("description", error.Field);
        Assert.Contains("1-100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithOptionDescriptionTooLong_NamesOption()
    {
        var definition = Command() with { Options = [Option("topic", ApplicationCommandOptionType.String) with { Description = new string('d', 101) }] };

        var error = Assert.Throws<InvalidCommandDefinitionException>(() => CommandDefinitionValidator.Validate([definition]));

        Assert.Equal("option 'topic' description", error.Field);
        Assert.StartsWith("Command 'digest': option 'topic' description", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithMoreThan25Options_Throws()
    {
        var definition = Command() with { Options = [.. Enumerable.Range(0, 26).Select(i => Option($"o{i}", ApplicationCommandOptionType.String))] };

        var error = Assert.Throws<InvalidCommandDefinitionException>(() => CommandDefinitionValidator.Validate([definition]));

        Assert.Contains("26 options", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenRequiredFollowsOptional_NamesTheRequiredOption()
    {
        var definition = Command() with
        {
            Options = [Option("limit", ApplicationCommandOptionType.Integer), Option("channel", ApplicationCommandOptionType.Channel, required: true)],
        };

        var error = Assert.Throws<InvalidCommandDefinitionException>(() => CommandDefinitionValidator.Validate([definition]));

        Assert.Equal("option 'channel'", error.Field);
        Assert.Contains("required options must come first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenAutocompleteCombinedWithChoices_Throws()
    {
        var definition = Command() with
        {
            Options = [Option("mode", ApplicationCommandOptionType.String) with { Autocomplete = true, Choices = [ApplicationCommandOptionChoice.Of("A", "a")] }],
        };

        var error = Assert.Throws<InvalidCommandDefinitionException>(() => CommandDefinitionValidator.Validate([definition]));

        Assert.Contains("autocomplete with choices", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithUppercaseOptionName_Throws()
    {
        var definition = Command() with { Options = [Option("Channel", ApplicationCommandOptionType.Channel)] };

        var error = Assert.Throws<InvalidCommandDefinitionException>(() => CommandDefinitionValidator.Validate([definition]));

        Assert.Equal("option 'Channel' name", error.Field);
    }

    [Fact]
    public void Validate_WithDuplicateCommandNames_Throws()
    {
        var error = Assert.Throws<InvalidCommandDefinitionException>(() => CommandDefinitionValidator.Validate([Command(), Command()]));

        Assert.Contains("more than one command", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WithSubcommandOptions_ChecksNestedLevel()
    {
        var definition = Command() with
        {
            Options =
            [
                Option("add", ApplicationCommandOptionType.SubCommand) with
                {
                    Options = [Option("url", ApplicationCommandOptionType.String), Option("channel", ApplicationCommandOptionType.Channel, required: true)],
                },
            ],
        };

        var error = Assert.Throws<InvalidCommandDefinitionException>(() => CommandDefinitionValidator.Validate([definition]));

        Assert.Equal("option 'channel'", error.Field);
    }

    private static ApplicationCommandDefinition Command() => new() { Name = "digest", Description = "Shows the digest" };

    private static ApplicationCommandOptionDefinition Option(string name, ApplicationCommandOptionType type, bool required = false)
        => new() { Name = name, Type = type, Description = "An option", Required = required ? true : null };
}
