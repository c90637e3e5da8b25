using System.Net;
using System.Net.Sockets;
using BotHost.Core.Collecting;
using BotHost.Core.Scheduling;
using BotHost.Hosting;
using BotHost.Operations;
using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BotHost.Tests.Operations;

/// <summary>Issue 13, acceptance 3: the whole host answers /healthz, /readyz and /metrics on 127.0.0.1 (a free port).</summary>
public sealed class OperationsEndpointTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public OperationsEndpointTests() => Directory.CreateDirectory(_directory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfflineRun_AnswersHealthReadinessAndMetrics_AndReadinessSaysWhenTheSchedulerStops()
    {
        var firstRound = new FirstRoundSignal();
        using var host = Build(new Dictionary<string, string?> { ["Discord:Token"] = "" }, new CapturingLoggerProvider(), s => s.AddSingleton<ICollectionListener>(firstRound));
        await host.StartAsync(Ct);
        await firstRound.Completed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var endpoint = host.Services.GetRequiredService<OperationsEndpoint>().ListeningUri!;

        var health = await GetAsync(endpoint, "/healthz");
        var ready = await GetAsync(endpoint, "/readyz");
        var metrics = await GetAsync(endpoint, "/metrics");
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        await scheduler.Standby(Ct);
        var standby = await GetAsync(endpoint, "/readyz");
        await scheduler.Start(Ct);
        var restarted = await GetAsync(endpoint, "/readyz");
        await host.StopAsync(Ct);

        Assert.Equal("127.0.0.1", endpoint.Host);
        Assert.Equal((HttpStatusCode.OK, "ok\n"), health);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Contains("database: ok", ready.Body, StringComparison.Ordinal);
        Assert.Contains("scheduler: ok", ready.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("gateway", ready.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.Contains("bothost_feed_fetches_total{", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("outcome=\"collected\"", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("bothost_items_ingested_total", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("bothost_stories_merged_total", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("bothost_digest_parts_sent_total", metrics.Body, StringComparison.Ordinal);
        Assert.Contains("dotnet_", metrics.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, standby.Status);
        Assert.Contains("scheduler: NOT READY (standby)", standby.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, restarted.Status);
    }

    [Fact]
    public async Task DiscordRun_IsLiveButNotReadyUntilTheGatewaySessionIs()
    {
        await using var discord = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = discord.Rest.Options.Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUri.ToString(),
            ["Discord:GatewayUrl"] = $"ws://127.0.0.1:{UnusedPort()}/",
        };
        using (var unreachable = Build(settings, logs))
        {
            await unreachable.StartAsync(Ct);
            await logs.WaitForAsync("Gateway connection failed");
            var endpoint = unreachable.Services.GetRequiredService<OperationsEndpoint>().ListeningUri!;
            var health = await GetAsync(endpoint, "/healthz");
            var notReady = await GetAsync(endpoint, "/readyz");
            await unreachable.StopAsync(Ct);

            Assert.Equal(HttpStatusCode.OK, health.Status);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.Status);
            Assert.StartsWith("not ready\n", notReady.Body, StringComparison.Ordinal);
            Assert.Contains("gateway: NOT READY", notReady.Body, StringComparison.Ordinal);
            Assert.Contains("database: ok", notReady.Body, StringComparison.Ordinal);
        }

        settings["Discord:GatewayUrl"] = discord.GatewayUri.ToString();
        using var connected = Build(settings, logs);
        await connected.StartAsync(Ct);
        await logs.WaitForAsync("Gateway session ready");
        var ready = await GetAsync(connected.Services.GetRequiredService<OperationsEndpoint>().ListeningUri!, "/readyz");
        await connected.StopAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Contains("gateway: ok (session live)", ready.Body, StringComparison.Ordinal);
    }

    public void Dispose() => _http.Dispose();

    private IHost Build(Dictionary<string, string?> settings, CapturingLoggerProvider logs, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_directory, "bothost.db"),
            ["Feeds:SourcesFile"] = SampleSources.Write(_directory),
            ["Curation:TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
            ["Operations:Enabled"] = "true",
            ["Operations:Port"] = "0",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var builder = BotHostApplication.CreateBuilder(forCli: false, overrides: values);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Information).AddProvider(logs);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri endpoint, string path)
    {
        using var response = await _http.GetAsync(new Uri(endpoint, path), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class FirstRoundSignal : ICollectionListener
    {
        public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnFirstRoundCompletedAsync(IReadOnlyList<CollectionOutcome> outcomes, CancellationToken cancellationToken)
        {
            Completed.TrySetResult();
            return Task.CompletedTask;
        }
    }
}
