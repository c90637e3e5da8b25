using System.Globalization;
using System.Text.RegularExpressions;
using BotHost.Core.Scheduling;
using BotHost.Hosting;
using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Logging;
using BotHost.Tests.Cli;
using BotHost.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BotHost.Tests.Acceptance;

/// <summary>
/// Issue 12, acceptance 5: the README's "Run it on your Discord server", step by step, against the loopback fake Discord
/// (scripts/first-hour-against-fake-discord.sh does the same with the real executable and `dotnet user-secrets`).
/// Step 1 (Developer Portal) and the browser half of step 3 can only happen on Discord: the fake plays the
/// application, its token, and the server admin who authorizes the invite link.
/// </summary>
public sealed class FirstHourTests
{
    private const ulong Server = 77;
    private const ulong Digests = 88;
    private const ulong You = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadmeSteps_FollowedAgainstTheFakeDiscord_ReachAFirstDigest()
    {
        await using var discord = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        // Your server, where @everyone may only view: the bot may post only what its invite grants.
        discord.Rest.Guilds.AddGuild(Server, You, everyonePermissions: 1 << 10, name: "Your server");
        discord.Rest.Guilds.AddChannel(Digests, Server, "digests");
        discord.Rest.Guilds.EnforcePermissions = true;
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        // Step 2 through the environment (the user-secrets route is UserSecretsTests); the URLs point at the fake, and the
        // offline sample feeds stand in for config/sources.json, which needs the internet.
        var environment = new Dictionary<string, string?>
        {
            ["Discord:Token"] = discord.Rest.Options.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUri.ToString(),
            ["Discord:GatewayUrl"] = discord.GatewayUri.ToString(),
            ["Storage:DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Feeds:SourcesFile"] = SampleSources.Write(directory),
            ["Curation:TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
        };

        var tokenCheck = await CliRunner.RunAsync(environment, "doctor");
        var invite = await CliRunner.RunAsync(environment, "invite-url");
        var granted = discord.Rest.AcceptInvite(invite.Out.Trim(), Server);
        var (host, logs, collected) = await StartBotAsync(environment, new() { ["Feeds:FirstFetchIsBacklog"] = "false" });
        string subscribed, posting;
        CliRunner.Result doctor;
        try
        {
            await logs.WaitForAsync("Slash commands checked", TimeSpan.FromSeconds(30));
            await logs.WaitForAsync("Discord gateway session is ready", TimeSpan.FromSeconds(30));
            await collected.Completed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            subscribed = await discord.UseSlashCommandAsync(Server, Digests, You, "subscribe", cancellationToken: Ct);
            posting = await discord.UseSlashCommandAsync(Server, Digests, You, "digest", "now", cancellationToken: Ct);
            var messages = int.Parse(Regex.Match(posting, @"in (\d+) messages?\.$").Groups[1].Value, CultureInfo.InvariantCulture);
            await discord.Rest.WaitUntilAsync(r => r.Messages.Count(m => m.ChannelId == Digests) >= messages, TimeSpan.FromSeconds(30));
            doctor = await CliRunner.RunAsync(environment, "doctor");
        }
        finally
        {
            await host.StopAsync(Ct);
            host.Dispose();
        }

        var digest = discord.Rest.Messages.Where(m => m.ChannelId == Digests).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{posting}\n{digest.Count} messages, {digest.Sum(m => m.Json["embeds"]!.AsArray().Count)} embeds");
        Assert.StartsWith("✓ Discord:Token is valid: the bot is fake-bot", tokenCheck.Out, StringComparison.Ordinal);
        Assert.Equal(274877991936UL, granted);
        Assert.StartsWith("Subscribed <#88>.\n**default** in <#88>: daily at 09:00 (UTC)", subscribed, StringComparison.Ordinal);
        Assert.Matches(@"^Posting \*\*default\*\* now: \d+ stories in \d+ messages?\.$", posting);
        Assert.NotEmpty(digest);
        Assert.Contains(digest, m => m.Json["embeds"]!.AsArray().Count > 0);
        Assert.Equal(0, doctor.ExitCode);
        Assert.Contains("✓ #digests (server 77, channel 88): the bot can view it and send messages and embeds", doctor.Out, StringComparison.Ordinal);
    }

    // Step 4: `dotnet run --project src/BotHost` with the step's setting, as a host in this process.
    private static async Task<(IHost Host, CapturingLoggerProvider Logs, FirstRoundSignal Collected)> StartBotAsync(
        Dictionary<string, string?> environment, Dictionary<string, string?> step)
    {
        var builder = BotHostApplication.CreateBuilder(forCli: false, overrides: environment.Concat(step));
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information).AddProvider(logs);
        var collected = new FirstRoundSignal();
        builder.Services.AddSingleton<ICollectionListener>(collected);
        var host = builder.Build();
        await host.StartAsync(Ct);
        return (host, logs, collected);
    }
}
