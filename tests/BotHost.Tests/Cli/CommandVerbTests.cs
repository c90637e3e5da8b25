using BotHost.Tests.Hosting;
using BotHost.Core.Subscriptions;
using BotHost.Tests.Bridge;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Tests.Cli;

public sealed class CommandVerbTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribe_OnTheLocalChannel_ParsesOptionsByTheDefinitionAndPrintsTheSummary()
    {
        await using var harness = await CommandHarness.StartAsync();

        var reply = await harness.RunAsync("/subscribe topics:backend, ai time:07:30 timezone:Europe/Berlin name:\"morning-news\"");

        Assert.StartsWith("Subscribed #local.\n**morning-news** in #local: daily at 07:30 (Europe/Berlin)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Topics: backend, ai", reply.Text, StringComparison.Ordinal);
        Assert.True(reply.Ephemeral);
        var stored = Assert.Single(await harness.Services.GetRequiredService<SubscriptionStore>().ListForChannelAsync(ChannelKey.Local, Ct));
        Assert.Equal("morning-news", stored.Name);
    }

    [Fact]
    public async Task QuotedValues_Subcommands_AndButtonsWork()
    {
        await using var harness = await CommandHarness.StartAsync();
        await harness.RunAsync("/subscribe");

        var paused = await harness.RunAsync("/subscription pause reason:\"on holiday until May\"");
        var question = await harness.RunAsync("/unsubscribe");
        var printed = BotHost.Cli.OfflineCommandRunner.Format(question);
        var removed = await harness.RunAsync("press " + question.Buttons[0].CustomId);

        Assert.Contains(@"Paused: on holiday until May \(paused by you\)", paused.Text, StringComparison.Ordinal);
        Assert.Contains("buttons: [Remove] (press unsub:remove:1:default)  [Keep it] (press unsub:keep)", printed, StringComparison.Ordinal);
        Assert.EndsWith("(in Discord only you would see this)", printed, StringComparison.Ordinal);
        Assert.Equal("Removed **default** from #local; no more digests from it.", removed.Text);
    }

    [Fact]
    public async Task Search_Share_AndTheMessageCommand_RunTheSameHandlers()
    {
        await using var harness = await CommandHarness.StartAsync();

        var search = await harness.RunAsync("/search query:write-ahead log");
        var share = await harness.RunAsync("Share to digest look: https://news.ycombinator.com/item?id=46100004&utm_source=x");

        Assert.StartsWith("**1 story matches**", search.Text, StringComparison.Ordinal);
        Assert.Equal("Share in channel", search.Buttons.Single().Label);
        Assert.StartsWith("Already collected from Hacker News on 2026-11-25: **Ask HN", share.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/nosuch", "Unknown command /nosuch. Commands: /digest, /explain, /help, /latest,")]
    [InlineData("/subscribe bogus:1", "Unknown option 'bogus:1' for /subscribe; it takes: topics:, time:, timezone:,")]
    [InlineData("/search", "/search needs query: (Words to find;")]
    [InlineData("/subscription", "/subscription needs a subcommand: show, pause, resume, mute-source, unmute-source")]
    [InlineData("/subscribe size:ten", "size: in /subscribe must be a whole number; you typed 'ten'.")]
    [InlineData("/subscribe mode:hourly", "mode: in /subscribe must be one of daily, weekly, instant; you typed 'hourly'.")]
    [InlineData("/subscribe time:9 time:10", "time: is given twice in /subscribe.")]
    [InlineData("subscribe", "A command starts with / (e.g. \"/help\")")]
    public async Task BadLines_AreRefusedWithWhatToType(string line, string expected)
    {
        await using var harness = await CommandHarness.StartAsync();

        var reply = await harness.RunAsync(line);

        Assert.True(reply.ParseFailed);
        Assert.StartsWith(expected, reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verb_WithAnUnknownCommand_ExitsOneWithTheErrorOnStandardError()
    {
        var result = await CliRunner.RunAsync("command", "/nosuch");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Unknown command /nosuch.", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Verb_RunAsAProcessTwice_KeepsTheSubscriptionBetweenRuns()
    {
        var database = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"), "bothost.db");

        var subscribe = await RunProcessAsync(database, "command", "/subscribe topics:backend time:09:00");
        var show = await RunProcessAsync(database, "command", "/subscription", "show");

        Assert.Equal(0, subscribe.ExitCode);
        Assert.StartsWith("Subscribed #local.", subscribe.Out, StringComparison.Ordinal);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("**default** in #local: daily at 09:00 (UTC)", show.Out, StringComparison.Ordinal);
        Assert.Contains("Topics: backend", show.Out, StringComparison.Ordinal);
    }

    private static Task<CliRunner.Result> RunProcessAsync(string database, params string[] args) =>
        BotHostProcess.RunToExitAsync(new Dictionary<string, string> { ["Storage__DatabasePath"] = database }, args);
}
