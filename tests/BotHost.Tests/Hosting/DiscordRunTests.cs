using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Logging;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Tests.Hosting;

public sealed class DiscordRunTests : IAsyncLifetime
{
    private const string Token = "fake-bot-token";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
    /// <summary>
    /// The fake Discord's clock. It only moves when a test moves it, so Discord's 3-second interaction window and
    /// its 5-second identify window cannot expire just because this 2-core machine is busy.
    /// </summary>
    private readonly FakeTimeProvider _discordTime = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private FakeDiscordServer _discord = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _discord = await FakeDiscordServer.StartAsync(_discordTime, TestContext.Current.CancellationToken);
        _discord.Rest.Options.Token = Token;
    }

    public async ValueTask DisposeAsync() => await _discord.DisposeAsync();

    /// <remarks>
    /// The host's 2-second auto-defer runs on the real clock, so on a busy machine the answer may go out as a
    /// deferral followed by an edit instead of as the callback itself; the test accepts either and checks what
    /// the user is shown.
    /// </remarks>
    [Fact]
    public async Task Run_WithToken_ConnectsRegistersCommandsOnce_AndAnswersSlashCommands()
    {
        var logs = new CapturingLoggerProvider();
        using (var first = BuildHost(logs))
        {
            await first.StartAsync(TestContext.Current.CancellationToken);
            await _discord.Gateway.WaitUntilAsync(g => g.IdentifyCount == 1 && g.IsConnected);
            await _discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.GlobalCommands, TestContext.Current.CancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

            _discord.IssueInteraction(4242, "interaction-token-1");
            await _discord.Gateway.SendDispatchAsync("INTERACTION_CREATE",
                """{"id":"4242","application_id":"1100000000000000001","type":2,"token":"interaction-token-1","guild_id":"77","channel_id":"88","member":{"user":{"id":"5","username":"ada"},"permissions":"0"},"data":{"id":"1","name":"latest","type":1,"options":[{"name":"count","type":4,"value":50}]}}""");
            var answer = await AnswerShownAsync(4242);

            Assert.Contains("count must be between 1 and 20", answer, StringComparison.Ordinal);
            // The registrar stores the commands' hash after Discord's answer; stopping before that would make the
            // second run register again (seen under a loaded full-suite run).
            await logs.WaitForAsync("Slash commands checked");
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        // Discord allows one identify per 5 s (max_concurrency 1); the restart takes that long on Discord's clock.
        _discordTime.Advance(TimeSpan.FromSeconds(5));
        using (var second = BuildHost(logs))
        {
            await second.StartAsync(TestContext.Current.CancellationToken);
            await _discord.Gateway.WaitUntilAsync(g => g.IdentifyCount == 2 && g.IsConnected);
            await second.StopAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, _discord.Gateway.ConcurrencyRejections);
        Assert.Single(_discord.InteractionRequests, r => r.Route == FakeInteractionRoute.GlobalCommands);
        Assert.Single(_discord.InteractionRequests, r => r.Route == FakeInteractionRoute.Callback);
        Assert.All(_discord.InteractionRequests, r => Assert.True(r.IsAccepted, $"{r.Route} answered {r.Status} ({r.ErrorCode})"));
        Assert.Contains(1000, _discord.Gateway.ClientCloseCodes.OfType<int>());
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("interaction-token-1", StringComparison.Ordinal));
    }

    /// <summary>Issue 13, acceptance 5: with KeepSessionOnStop a quick restart resumes; one IDENTIFY across both runs.</summary>
    [Fact]
    public async Task Run_WithKeepSessionOnStop_RestartResumesInsteadOfIdentifying_AndAnswersWhatArrivedMeanwhile()
    {
        var logs = new CapturingLoggerProvider();
        var keepSession = new Dictionary<string, string?> { ["Discord:Gateway:KeepSessionOnStop"] = "true" };
        using (var first = BuildHost(logs, keepSession))
        {
            await first.StartAsync(TestContext.Current.CancellationToken);
            await _discord.Gateway.WaitUntilAsync(g => g.IdentifyCount == 1 && g.IsConnected);
            await WaitForAsync(r => r.Route == FakeInteractionRoute.GlobalCommands);
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        await _discord.Gateway.WaitUntilAsync(g => !g.IsConnected);
        // Sent while no bot is connected: Discord keeps it in the session and replays it on resume.
        _discord.IssueInteraction(4343, "interaction-token-2");
        await _discord.Gateway.SendDispatchAsync("INTERACTION_CREATE",
            """{"id":"4343","application_id":"1100000000000000001","type":2,"token":"interaction-token-2","guild_id":"77","channel_id":"88","member":{"user":{"id":"5","username":"ada"},"permissions":"0"},"data":{"id":"1","name":"latest","type":1,"options":[{"name":"count","type":4,"value":50}]}}""");
        using (var second = BuildHost(logs, keepSession))
        {
            await second.StartAsync(TestContext.Current.CancellationToken);
            await _discord.Gateway.WaitUntilAsync(g => g.ResumeCount == 1 && g.IsConnected);
            var answer = await AnswerShownAsync(4343);
            await second.StopAsync(TestContext.Current.CancellationToken);

            Assert.Contains("count must be between 1 and 20", answer, StringComparison.Ordinal);
        }

        Assert.Equal(1, _discord.Gateway.IdentifyCount);
        Assert.Equal(["/", FakeGateway.ResumePath], _discord.Gateway.ConnectionPaths);
        Assert.Equal([4000, 4000], _discord.Gateway.ClientCloseCodes.OfType<int>());
        Assert.Equal("session-1", _discord.Gateway.Resumes.Single().GetProperty("session_id").GetString());
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WhenGatewayClosesWithAFatalCode_StopsTheHostWithANonZeroExitCode()
    {
        _discord.Gateway.CloseOnIdentify = 4004;
        var logs = new CapturingLoggerProvider();
        using var host = BuildHost(logs);
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());

        await host.StartAsync(TestContext.Current.CancellationToken);
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, host.Services.GetRequiredService<ExitCodeRequest>().Code);
        Assert.Equal(1, _discord.Gateway.IdentifyCount);
        Assert.Contains(logs.Lines, l => l.Contains("stopped for good", StringComparison.Ordinal));
    }

    /// <summary>
    /// What the invoking user is shown, whichever way the host answered: the callback's message; or after a deferral
    /// the edit of the original response, or, when that edit only says the answer was private, the ephemeral follow-up.
    /// </summary>
    private async Task<string> AnswerShownAsync(ulong interactionId)
    {
        var callback = await WaitForAsync(r => r.Route == FakeInteractionRoute.Callback && r.InteractionId == interactionId);
        if (callback.CallbackType == 4)
        {
            return callback.Body.GetProperty("data").GetProperty("content").GetString() ?? "";
        }

        Assert.Equal(5, callback.CallbackType);
        var edit = await WaitForAsync(r => r.Route == FakeInteractionRoute.EditOriginal && r.InteractionId == interactionId);
        var content = edit.Body.GetProperty("content").GetString() ?? "";
        if (content != BotHost.Discord.Interactions.InteractionDispatcher.AnsweredPrivately)
        {
            return content;
        }

        var followup = await WaitForAsync(r => r.Route == FakeInteractionRoute.Followup && r.InteractionId == interactionId);
        return followup.Body.GetProperty("content").GetString() ?? "";
    }

    private Task<FakeInteractionRequest> WaitForAsync(Func<FakeInteractionRequest, bool> match)
        => _discord.WaitForInteractionRequestAsync(match, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

    private IHost BuildHost(CapturingLoggerProvider logs, Dictionary<string, string?>? settings = null)
    {
        var sources = Path.Combine(_directory, "sources.json");
        File.WriteAllText(sources, $$"""{ "sources": [ { "name": "Hacker News", "url": "{{Path.Combine(RepoPaths.Samples, "hackernews.xml").Replace("\\", "\\\\", StringComparison.Ordinal)}}" } ] }""");
        var builder = BotHostApplication.CreateBuilder(forCli: false, overrides: new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_directory, "bothost.db"),
            ["Feeds:SourcesFile"] = sources,
            ["Discord:Token"] = Token,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUri.ToString(),
            ["Discord:GatewayUrl"] = _discord.GatewayUri.ToString(),
        }.Concat(settings ?? []).ToDictionary());
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        return builder.Build();
    }
}
