using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Logging;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BotHost.Tests.Hosting;

public sealed class DiscordRunTests : IAsyncLifetime
{
    private const string Token = "fake-bot-token";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
    private FakeDiscordServer _discord = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _discord = await FakeDiscordServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        _discord.Rest.Options.Token = Token;
    }

    public async ValueTask DisposeAsync() => await _discord.DisposeAsync();

    [Fact]
    public async Task Run_WithToken_ConnectsRegistersCommandsOnce_AndAnswersSlashCommands()
    {
        var logs = new CapturingLoggerProvider();
        using (var first = BuildHost(logs))
        {
            await first.StartAsync(TestContext.Current.CancellationToken);
            await _discord.Gateway.WaitUntilAsync(g => g.IdentifyCount == 1 && g.HeartbeatCount >= 0 && g.IsConnected);
            await _discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.GlobalCommands, TestContext.Current.CancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

            _discord.IssueInteraction(4242, "interaction-token-1");
            await _discord.Gateway.SendDispatchAsync("INTERACTION_CREATE",
                """{"id":"4242","application_id":"1100000000000000001","type":2,"token":"interaction-token-1","guild_id":"77","channel_id":"88","member":{"user":{"id":"5","username":"ada"},"permissions":"0"},"data":{"id":"1","name":"latest","type":1,"options":[{"name":"count","type":4,"value":50}]}}""");
            var callback = await _discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.Callback && r.InteractionId == 4242, TestContext.Current.CancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

            Assert.Equal(4, callback.CallbackType);
            Assert.Contains("count must be between 1 and 20", callback.Body.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
            await first.StopAsync(TestContext.Current.CancellationToken);
        }

        using (var second = BuildHost(logs))
        {
            await second.StartAsync(TestContext.Current.CancellationToken);
            await _discord.Gateway.WaitUntilAsync(g => g.IdentifyCount + g.ResumeCount == 2 && g.IsConnected);
            await second.StopAsync(TestContext.Current.CancellationToken);
        }

        Assert.Single(_discord.InteractionRequests, r => r.Route == FakeInteractionRoute.GlobalCommands);
        Assert.Contains(1000, _discord.Gateway.ClientCloseCodes.OfType<int>());
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Token, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("interaction-token-1", StringComparison.Ordinal));
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

    private IHost BuildHost(CapturingLoggerProvider logs)
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
        });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        return builder.Build();
    }
}
