using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using static BotHost.Discord.Tests.Interactions.InteractionBuilder;

namespace BotHost.Discord.Tests.Interactions;

public sealed class CommandContextTests
{
    [Fact]
    public void Accessors_ReadTypedOptionsAndInvoker()
    {
        var interaction = Command(
            "subscribe",
            Option("url", ApplicationCommandOptionType.String, "https://example.org/feed"),
            Option("limit", ApplicationCommandOptionType.Integer, 5L),
            Option("weight", ApplicationCommandOptionType.Number, 0.5),
            Option("quiet", ApplicationCommandOptionType.Boolean, true));

        var context = new CommandContext(interaction);

        Assert.Equal("https://example.org/feed", context.GetString("url"));
        Assert.Equal(5L, context.GetInteger("limit"));
        Assert.Equal(0.5, context.GetNumber("weight"));
        Assert.True(context.GetBoolean("quiet"));
        Assert.Null(context.GetString("missing"));
        Assert.Equal(GuildId, context.GuildId);
        Assert.Equal(ChannelId, context.ChannelId);
        Assert.Equal("tester", context.User?.Username);
        Assert.Equal(1UL << 5, context.MemberPermissions);
        Assert.True(context.MemberHas(1UL << 5));
        Assert.False(context.MemberHas(1UL << 4));
        Assert.Equal("en-GB", context.Locale);
    }

    [Fact]
    public void GetChannel_ReturnsResolvedChannelDetails()
    {
        var interaction = Command("subscribe", Option("channel", ApplicationCommandOptionType.Channel, "999")) with { };
        interaction = interaction with
        {
            Data = interaction.Data! with
            {
                Resolved = new ResolvedData { Channels = new Dictionary<string, ResolvedChannel> { ["999"] = new() { Id = 999, Name = "news", Type = 5 } } },
            },
        };

        var channel = new CommandContext(interaction).GetChannel("channel");

        Assert.Equal(999UL, channel?.Id);
        Assert.Equal("news", channel?.Name);
        Assert.Equal(5, channel?.Type);
    }

    [Fact]
    public void Constructor_WithSubcommandGroup_ExposesPathAndInnerOptions()
    {
        var inner = Option("url", ApplicationCommandOptionType.String, "https://example.org");
        var sub = new InteractionDataOption { Name = "add", Type = ApplicationCommandOptionType.SubCommand, Options = [inner] };
        var group = new InteractionDataOption { Name = "feeds", Type = ApplicationCommandOptionType.SubCommandGroup, Options = [sub] };

        var context = new CommandContext(Command("admin", group));

        Assert.Equal("feeds add", context.Subcommand);
        Assert.Equal("https://example.org", context.GetString("url"));
    }

    [Fact]
    public void GetInteger_OnStringOption_ThrowsNamingOption()
    {
        var context = new CommandContext(Command("subscribe", Option("url", ApplicationCommandOptionType.String, "x")));

        var error = Assert.Throws<InvalidOperationException>(() => context.GetInteger("url"));

        Assert.Contains("'url' of /subscribe", error.Message, StringComparison.Ordinal);
    }
}
