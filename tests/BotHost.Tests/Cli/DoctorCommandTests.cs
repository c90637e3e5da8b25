using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using BotHost.Testing.FakeDiscord;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Tests.Cli.DoctorRig;

namespace BotHost.Tests.Cli;

/// <summary>Issue 12, acceptance 2: `doctor` against the fake Discord, one ✓/✗ line per check with what to do, exit code 1 on any ✗.</summary>
public sealed class DoctorCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Doctor_OnAHealthySetup_PrintsOnlyTicksAndExitsZero()
    {
        await using var rig = await StartAsync();

        var result = await rig.DoctorAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
        [
            "✓ Discord:Token is valid: the bot is fake-bot (user 1100000000000000001)",
            "✓ application 1100000000000000001 (Fake BotHost), read from the token; Discord:ApplicationId is not set",
            $"✓ database {Path.Combine(rig.Directory, "bothost.db")} opens; schema version {DatabaseMigrator.LatestVersion} is current",
            "✓ slash commands registered globally are current",
            $"✓ sources file {rig.Settings["Feeds:SourcesFile"]} parses: 3 sources",
            "✓ #digests (server 77, channel 88): the bot can view it and send messages and embeds",
            "All checks passed.",
        ], Lines(result));
    }

    [Fact]
    public async Task Doctor_WithARevokedToken_SaysSoWithTheFix_AndExitsOne()
    {
        await using var rig = await StartAsync();
        rig.Discord.Rest.Options.Token = "the-token-after-reset";

        var result = await rig.DoctorAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("✗ Discord rejected Discord:Token (401 Unauthorized) — copy a new token (Developer Portal → your application → Bot → Reset Token) and set it again", Lines(result)[0]);
        Assert.Contains("– subscribed channels not checked: it needs a valid token and the database", Lines(result));
        Assert.Equal("1 problem found.", Lines(result)[^1]);
    }

    [Fact]
    public async Task Doctor_WhereTheBotLostSendMessages_NamesTheChannelAndWhatToAllow_AndExitsOne()
    {
        await using var rig = await StartAsync();
        rig.Discord.Rest.Guilds.SetOverwrites(Digests, FakeOverwrite.Role(FakeRestApi.BotRoleId, deny: 1 << 11));

        var result = await rig.DoctorAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "✗ #digests (server 77, channel 88): the bot is missing Send Messages — allow Send Messages for the bot (its role in Server Settings → Roles, " +
            "or Edit Channel → Permissions), then /subscription resume there if it is paused",
            Lines(result));
        Assert.Single(Lines(result), l => l.StartsWith('✗'));
    }

    [Fact]
    public async Task Doctor_WithAnUnparseableSourcesFile_PrintsWhereItBroke_AndExitsOne()
    {
        await using var rig = await StartAsync();
        var sources = Path.Combine(rig.Directory, "broken-sources.json");
        await File.WriteAllTextAsync(sources, """{ "sources": [ { "name": "dev.to", "url": """, Ct);

        var result = await rig.DoctorAsync(new Dictionary<string, string?> { ["Feeds:SourcesFile"] = sources });

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result), l => l.StartsWith('✗'));
        Assert.StartsWith($"✗ Sources file '{sources}' is not valid JSON (line 1)", line, StringComparison.Ordinal);
        Assert.EndsWith("""— fix the file (JSON: {"sources": [{"name": …, "url": …}]}) or point Feeds:SourcesFile at a good one""", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_InAThreadWhoseParentDeniesSendMessagesInThreads_UsesTheParentsOverwrites()
    {
        await using var rig = await StartAsync();
        rig.Discord.Rest.Guilds.AddChannel(90, Guild, "weekly-thread", type: 11, parentId: Digests);
        rig.Discord.Rest.Guilds.SetOverwrites(Digests, FakeOverwrite.Role(FakeRestApi.BotRoleId, deny: 1UL << 38));
        await rig.WithServicesAsync(s => s.GetRequiredService<SubscriptionService>().SubscribeAsync(new ChannelKey(Guild, 90), new SubscriptionRequest(), Ct));

        var result = await rig.DoctorAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✓ #digests (server 77, channel 88): the bot can view it and send messages and embeds", Lines(result));
        Assert.Contains(Lines(result), l => l.StartsWith("✗ #weekly-thread (server 77, channel 90): the bot is missing Send Messages in Threads — ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Doctor_ListsPausedSubscriptionsWithTheirReason_WithoutCountingThemAsProblems()
    {
        await using var rig = await StartAsync();
        await rig.WithServicesAsync(s => s.GetRequiredService<SubscriptionService>().PauseAsync(new ChannelKey(Guild, Digests), null, "holidays (paused by ada)", Ct));

        var result = await rig.DoctorAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("⏸ subscription 'default' in #digests (server 77, channel 88) is paused: holidays (paused by ada) — the bot can post there again: /subscription resume in that channel", Lines(result));
    }

    [Fact]
    public async Task Doctor_WhenTheConfiguredApplicationIdIsAnotherApplication_SaysWhichOneTheTokenBelongsTo()
    {
        await using var rig = await StartAsync();

        var result = await rig.DoctorAsync(new Dictionary<string, string?> { ["Discord:ApplicationId"] = "42" });

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "✗ Discord:ApplicationId is 42, but the token belongs to application 1100000000000000001 (Fake BotHost) — set Discord:ApplicationId to 1100000000000000001, or remove it (it is then read from the token)",
            Lines(result)[1]);
    }

    [Fact]
    public async Task Doctor_WhenTheCommandsChangedSinceTheirRegistration_SaysToRestart()
    {
        await using var rig = await StartAsync();
        await rig.WithServicesAsync(s => s.GetRequiredService<SettingsStore>().SetAsync("discord.commands.global:1100000000000000001", "an-older-hash", Ct));

        var result = await rig.DoctorAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("✗ slash commands changed since they were registered globally — restart the bot: it registers the new definitions at start", Lines(result));
    }

    [Fact]
    public async Task Doctor_OnADatabaseFromANewerBotHost_SaysSoAndLeavesItUntouched()
    {
        await using var rig = await StartAsync();
        var path = Path.Combine(rig.Directory, "bothost.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync(Ct);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO schema_version(version, name, applied_at) VALUES (999, 'from_the_future', 0)";
            await insert.ExecuteNonQueryAsync(Ct);
        }

        var result = await rig.DoctorAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"✗ database {path} has schema version 999, newer than this BotHost's {DatabaseMigrator.LatestVersion} — run the newer BotHost that wrote it, or point Storage:DatabasePath at another file", Lines(result));
        Assert.Contains("– slash command registration not checked: it needs the token, the application id and the database", Lines(result));
    }

    private static string[] Lines(CliRunner.Result result) => result.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
