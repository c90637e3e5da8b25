using System.Globalization;
using System.Web;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Tests.Cli;

/// <summary>Issue 12, acceptance 1: the invite link asks for exactly the permissions delivery uses.</summary>
public sealed class InviteUrlCommandTests
{
    // The bits as ../shared/discord/FACTS.md §3 gives them (D: Permissions › Bitwise Permission Flags); READ_MESSAGE_HISTORY
    // (1 << 16) is named there without its value, which D gives as 65536.
    private const ulong ViewChannel = 1024;
    private const ulong SendMessages = 2048;
    private const ulong EmbedLinks = 16384;
    private const ulong ReadMessageHistory = 65536;
    private const ulong SendMessagesInThreads = 274877906944;

    [Fact]
    public async Task InviteUrl_PermissionsInteger_IsExactlyTheDocumentedBitsBotHostUses()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["Discord:ApplicationId"] = "1234567890123456789", ["Discord:Token"] = "" }, "invite-url");

        Assert.Equal(0, result.ExitCode);
        var url = new Uri(result.Out.Trim());
        var query = HttpUtility.ParseQueryString(url.Query);
        var permissions = ulong.Parse(query["permissions"]!, NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.Equal("https://discord.com/oauth2/authorize", url.GetLeftPart(UriPartial.Path));
        Assert.Equal("1234567890123456789", query["client_id"]);
        Assert.Equal("bot applications.commands", query["scope"]);
        Assert.Equal(ViewChannel | SendMessages | SendMessagesInThreads | EmbedLinks | ReadMessageHistory, permissions);
        Assert.Equal(274877991936UL, permissions);
        Assert.Equal(
            "https://discord.com/oauth2/authorize?client_id=1234567890123456789&scope=bot+applications.commands&permissions=274877991936" + Environment.NewLine,
            result.Out);
    }

    [Fact]
    public async Task InviteUrl_WithoutApplicationId_ReadsItFromDiscordWithTheToken()
    {
        await using var discord = await FakeDiscordServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(Settings(discord, discord.Rest.Options.Token), "invite-url");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"https://discord.com/oauth2/authorize?client_id={discord.Rest.Options.ApplicationId}&", result.Out, StringComparison.Ordinal);
        Assert.Single(discord.Rest.Requests, r => r.Path == "/api/v10/applications/@me");
    }

    [Fact]
    public async Task InviteUrl_WithARevokedToken_SaysDiscordRejectedItAndHowToGetANewOne()
    {
        await using var discord = await FakeDiscordServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(Settings(discord, "revoked-token"), "invite-url");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("error: Discord rejected Discord:Token (401). Copy a fresh token (Developer Portal → Bot → Reset Token)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InviteUrl_WithNeitherApplicationIdNorToken_SaysWhichSettingToSet()
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?> { ["Discord:Token"] = "" }, "invite-url");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.StartsWith("error: the application id is unknown: set Discord:ApplicationId (Developer Portal → your application → General Information", result.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(FakeDiscordServer discord, string token) => new()
    {
        ["Discord:Token"] = token,
        ["Discord:ApiBaseUrl"] = discord.ApiBaseUri.ToString(),
    };
}
