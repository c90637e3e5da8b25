using BotHost.Discord.Models;

namespace BotHost.Discord.Tests.Rest;

public sealed class DiscordLimitsTests
{
    private static readonly Embed Ok = new() { Title = "t" };

    public static TheoryData<string, MessageCreate, string> Violations => new()
    {
        { "content", new MessageCreate { Content = new string('a', 2001) }, "2000" },
        { "empty", new MessageCreate(), "at least one" },
        { "embeds", new MessageCreate { Embeds = Enumerable.Repeat(Ok, 11).ToArray() }, "10" },
        { "embeds[0].title", One(new Embed { Title = new string('a', 257) }), "256" },
        { "embeds[0].description", One(new Embed { Description = new string('a', 4097) }), "4096" },
        { "embeds[0].fields", One(new Embed { Fields = Enumerable.Repeat(new EmbedField { Name = "n", Value = "v" }, 26).ToArray() }), "25" },
        { "embeds[0].fields[3].name", One(new Embed { Fields = Fields(3, new string('a', 257), "v") }), "256" },
        { "embeds[0].fields[3].value", One(new Embed { Fields = Fields(3, "n", new string('a', 1025)) }), "1024" },
        { "embeds[0].footer.text", One(new Embed { Footer = new EmbedFooter { Text = new string('a', 2049) } }), "2048" },
        { "embeds[0].author.name", One(new Embed { Author = new EmbedAuthor { Name = new string('a', 257) } }), "256" },
        { "embeds[0].url", One(new Embed { Url = "https://x.test/" + new string('a', 2040) }), "2048" },
        { "embeds[0].color", One(new Embed { Color = 0x1000000 }), "16777215" },
        { "embeds[0].color", One(new Embed { Color = -1 }), "16777215" },
        { "nonce", new MessageCreate { Content = "x", Nonce = new string('n', 26) }, "25" },
        { "components", Rows(6, 1), "5" },
        { "components[0].components", Rows(1, 6), "5" },
        { "components[0].components[0].label", Row(new Button { Label = new string('a', 81), CustomId = "c" }), "80" },
        { "components[0].components[0].custom_id", Row(new Button { Label = "l", CustomId = new string('a', 101) }), "100" },
        { "components[0].components[0].custom_id", Row(new Button { Label = "l" }), "1 to 100" },
        { "components[0].components[0].url", Row(new Button { Style = Button.LinkStyle, Label = "l" }), "url" },
        { "components[0].components[0].url", Row(Button.Link("l", "https://x.test/" + new string('a', 500))), "512" },
        { "components[0].components[0].custom_id", Row(Button.Link("l", "https://x.test/") with { CustomId = "c" }), "must not" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Validate_WhenALimitIsBroken_NamesTheFieldAndTheLimit(string expectedPath, MessageCreate message, string limitText)
    {
        var path = expectedPath == "empty" ? "content" : expectedPath;

        var error = Assert.Throws<DiscordValidationException>(() => DiscordLimits.Validate(message));

        Assert.Equal(path, error.FieldPath);
        Assert.Contains(limitText, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenEmbedsTogetherExceed6000_NamesEmbedsAndCountsTrimmedText()
    {
        var padded = "  " + new string('a', 2000) + "  ";
        var fitting = new MessageCreate { Embeds = [new Embed { Description = padded }, new Embed { Description = padded }, new Embed { Description = padded }] };
        var over = fitting with { Embeds = [.. fitting.Embeds!, new Embed { Title = "x" }] };

        DiscordLimits.Validate(fitting);
        var error = Assert.Throws<DiscordValidationException>(() => DiscordLimits.Validate(over));

        Assert.Equal("embeds", error.FieldPath);
        Assert.Contains("6000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenEveryValueIsAtItsLimit_Passes()
    {
        var message = new MessageCreate
        {
            Content = new string('a', 2000),
            Nonce = new string('n', 25),
            EnforceNonce = true,
            Embeds = [new Embed { Title = new string('t', 256), Description = new string('d', 4096), Color = 0xFFFFFF, Footer = new EmbedFooter { Text = new string('f', 1000) } }],
            Components = [new ActionRow { Components = [Button.Link(new string('l', 80), "https://x.test/" + new string('a', 497)), new Button { Label = "ok", CustomId = new string('c', 100) }] }],
        };

        var exception = Record.Exception(() => DiscordLimits.Validate(message));

        Assert.Null(exception);
    }

    [Fact]
    public void Validate_WhenEditContentTooLong_NamesContent()
    {
        var error = Assert.Throws<DiscordValidationException>(() => DiscordLimits.Validate(new MessageEdit { Content = new string('a', 2001) }));

        Assert.Equal("content", error.FieldPath);
    }

    private static MessageCreate One(Embed embed) => new() { Embeds = [embed] };

    private static EmbedField[] Fields(int badIndex, string name, string value)
        => [.. Enumerable.Range(0, badIndex + 1).Select(i => i == badIndex ? new EmbedField { Name = name, Value = value } : new EmbedField { Name = "n", Value = "v" })];

    private static MessageCreate Row(Button button) => new() { Components = [new ActionRow { Components = [button] }] };

    private static MessageCreate Rows(int rows, int buttonsPerRow) => new()
    {
        Components = [.. Enumerable.Range(0, rows).Select(r => new ActionRow
        {
            Components = [.. Enumerable.Range(0, buttonsPerRow).Select(b => new Button { Label = "b", CustomId = $"r{r}b{b}" })],
        })],
    };
}
