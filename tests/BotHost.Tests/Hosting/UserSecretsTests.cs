using System.Diagnostics;
using System.Reflection;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace BotHost.Tests.Hosting;

/// <summary>The README keeps the token in `dotnet user-secrets`: the real executable reads it from there, and the environment still wins.</summary>
public sealed class UserSecretsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Executable_ReadsTheTokenFromUserSecrets_AndAnEnvironmentVariableWinsOverIt()
    {
        await using var discord = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        // APPDATA is where the user-secrets tool and the configuration provider both look first, so this run's store is a
        // temporary one, never the machine user's.
        var appData = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        var id = typeof(BotHost.Cli.BotHostCli).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()!.UserSecretsId;
        var secrets = Path.Combine(appData, "Microsoft", "UserSecrets", id, "secrets.json");
        Directory.CreateDirectory(Path.GetDirectoryName(secrets)!);
        await File.WriteAllTextAsync(secrets, $$"""{ "Discord:Token": "{{discord.Rest.Options.Token}}" }""", Ct);

        var fromSecrets = await RunInviteUrlAsync(discord, appData, environmentToken: null);
        var environmentWins = await RunInviteUrlAsync(discord, appData, environmentToken: "token-from-the-environment");

        Assert.Equal((0, $"https://discord.com/oauth2/authorize?client_id={discord.Rest.Options.ApplicationId}&scope=bot+applications.commands&permissions=274877991936"),
            (fromSecrets.ExitCode, fromSecrets.Output.Trim()));
        Assert.Equal(1, environmentWins.ExitCode);
        Assert.Contains("Discord rejected Discord:Token (401)", environmentWins.Output, StringComparison.Ordinal);
        Assert.Equal(["Bot " + discord.Rest.Options.Token, "Bot token-from-the-environment"], discord.Rest.Requests.Select(r => r.Authorization));
    }

    private static async Task<(int ExitCode, string Output)> RunInviteUrlAsync(FakeDiscordServer discord, string appData, string? environmentToken)
    {
        var start = BotHostProcess.StartInfo(new Dictionary<string, string> { ["APPDATA"] = appData, ["Discord__ApiBaseUrl"] = discord.ApiBaseUri.ToString() }, "invite-url");
        start.Environment.Remove("Discord__Token");
        start.Environment.Remove("BOTHOST_Discord__Token");
        start.Environment.Remove("Discord__ApplicationId");
        if (environmentToken is not null)
        {
            start.Environment["Discord__Token"] = environmentToken;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        return (process.ExitCode, await output + await error);
    }
}
