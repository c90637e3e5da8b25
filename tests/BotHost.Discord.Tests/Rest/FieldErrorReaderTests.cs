using System.Text.Json;
using BotHost.Discord.Rest;

namespace BotHost.Discord.Tests.Rest;

public sealed class FieldErrorReaderTests
{
    [Fact]
    public void Read_WhenErrorsAreNested_FlattensToFieldPaths()
    {
        using var document = JsonDocument.Parse("""
            {"content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]},
             "embeds":{"0":{"fields":{"3":{"value":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 1024 or fewer in length."}]}}}}}}
            """);

        var errors = FieldErrorReader.Read(document.RootElement);

        Assert.Equal(
            [new DiscordFieldError("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length."),
             new DiscordFieldError("embeds[0].fields[3].value", "BASE_TYPE_MAX_LENGTH", "Must be 1024 or fewer in length.")],
            errors);
    }

    [Fact]
    public void Read_WhenNoErrors_ReturnsEmpty()
    {
        var errors = FieldErrorReader.Read(null);

        Assert.Empty(errors);
    }
}
