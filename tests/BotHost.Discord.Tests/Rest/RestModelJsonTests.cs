using System.Text.Json;
using BotHost.Discord.Models;

namespace BotHost.Discord.Tests.Rest;

public sealed class RestModelJsonTests
{
    [Fact]
    public void Serialize_MessageCreate_UsesSnakeCaseStringsAndOmitsNulls()
    {
        var create = new MessageCreate { Content = "hi", Nonce = "n1", EnforceNonce = true, AllowedMentions = new AllowedMentions { Users = [175928847299117063] } };

        var json = JsonSerializer.Serialize(create, DiscordRestJsonContext.Default.MessageCreate);

        Assert.Equal("""{"content":"hi","allowed_mentions":{"parse":[],"users":["175928847299117063"]},"nonce":"n1","enforce_nonce":true}""", json);
    }

    [Fact]
    public void Deserialize_Message_ReadsSnowflakeStringsAndNumericNonce()
    {
        const string json = """{"id":"18446744073709551615","channel_id":"41771983423143937","content":"x","nonce":12345,"author":{"id":"80351110224678912","username":"bot","bot":true},"embeds":[{"title":"t","color":255,"fields":[{"name":"n","value":"v","inline":true}]}]}""";

        var message = JsonSerializer.Deserialize(json, DiscordRestJsonContext.Default.Message)!;

        Assert.Equal(ulong.MaxValue, message.Id);
        Assert.Equal(41771983423143937UL, message.ChannelId);
        Assert.Equal("12345", message.Nonce);
        Assert.Equal(80351110224678912UL, message.Author!.Id);
        Assert.Equal("v", Assert.Single(Assert.Single(message.Embeds!).Fields!).Value);
    }

    [Fact]
    public void Deserialize_ChannelWithoutGuild_LeavesGuildIdNull()
    {
        var dm = JsonSerializer.Deserialize("""{"id":"5","type":1}""", DiscordRestJsonContext.Default.Channel)!;
        var text = JsonSerializer.Deserialize("""{"id":"6","type":0,"guild_id":"7","name":"news"}""", DiscordRestJsonContext.Default.Channel)!;

        Assert.Null(dm.GuildId);
        Assert.Equal(7UL, text.GuildId);
    }

    [Fact]
    public void Deserialize_SnowflakeThatIsNotDigits_ThrowsJsonException()
    {
        var error = Record.Exception(() => JsonSerializer.Deserialize("""{"id":"12a"}""", DiscordRestJsonContext.Default.User));

        Assert.IsType<JsonException>(error, exactMatch: false);
    }
}
