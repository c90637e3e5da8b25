using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using BotHost.Core.Collecting;
using BotHost.Core.Delivery;
using BotHost.Core.Scheduling;
using BotHost.Discord.Gateway;
using BotHost.Discord.Interactions;
using BotHost.Discord.Rest;
using BotHost.Hosting;
using BotHost.Operations;
using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Logging;
using BotHost.Testing.Metrics;
using BotHost.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace BotHost.Tests.Operations;

/// <summary>Issue 13, acceptance 3: the whole host answers /healthz, /readyz and /metrics on 127.0.0.1 (a free port).</summary>
public sealed class OperationsEndpointTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public OperationsEndpointTests() => Directory.CreateDirectory(_directory);

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfflineRun_AnswersHealthReadinessAndMetrics_AndReadinessSaysWhenTheSchedulerStops()
    {
        var firstRound = new FirstRoundSignal();
        using var host = Build(new Dictionary<string, string?> { ["Discord:Token"] = "" }, new CapturingLoggerProvider(), s => s.AddSingleton<ICollectionListener>(firstRound));
        using var collecting = new MeasurementRecorder(CollectingMetrics.MeterName, host.Services.GetRequiredService<IMeterFactory>());
        using var delivery = new MeasurementRecorder(DeliveryMetrics.MeterName, host.Services.GetRequiredService<IMeterFactory>());
        await host.StartAsync(Ct);
        var outcomes = await firstRound.Completed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await delivery.WaitForAsync("bothost.digest.parts.sent", Bound, Ct);
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
        Assert.Equal(outcomes.Count(o => o.Status == CollectionStatus.Collected), collecting.Sum("bothost.feed.fetches", ("outcome", "collected")));
        Assert.Equal(outcomes.Sum(o => o.Ingest.NewItems), collecting.Sum("bothost.items.ingested"));
        Assert.True(collecting.Sum("bothost.stories.created") > 0);
        Assert.True(collecting.Sum("bothost.stories.merged") > 0, "the sample feeds share stories, so some items merge");
        Assert.True(delivery.Sum("bothost.digest.parts.sent", ("how", "posted")) > 0);
        AssertScraped(
            metrics,
            "bothost_feed_fetches_total{",
            "outcome=\"collected\"",
            "bothost_items_ingested_total",
            "bothost_stories_created_total",
            "bothost_stories_merged_total",
            "bothost_digest_parts_sent_total",
            "dotnet_");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, standby.Status);
        Assert.Contains("scheduler: NOT READY (standby)", standby.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, restarted.Status);
    }

    /// <summary>Before the host starts nothing is migrated or scheduled; a file that is not SQLite cannot be read.</summary>
    [Theory]
    [InlineData("", "open, but at schema 0")]
    [InlineData("this is not a SQLite database\n", "cannot be read")]
    public async Task Readiness_BeforeStartOrOnAFileThatIsNotADatabase_IsNotReadyAndSaysWhy(string fileText, string databaseDetail)
    {
        if (fileText.Length > 0)
        {
            await File.WriteAllTextAsync(Path.Combine(_directory, "bothost.db"), string.Concat(Enumerable.Repeat(fileText, 200)), Ct);
        }

        using var host = Build(new Dictionary<string, string?> { ["Discord:Token"] = "" }, new CapturingLoggerProvider());

        var checks = await host.Services.GetRequiredService<ReadinessProbe>().CheckAsync(Ct);

        var database = Assert.Single(checks, c => c.Name == "database");
        Assert.False(database.Ready);
        Assert.Contains(databaseDetail, database.Detail, StringComparison.Ordinal);
        Assert.False(Assert.Single(checks, c => c.Name == "scheduler").Ready);
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

    /// <remarks>
    /// OpenTelemetry listens to every meter of a name in the process, so a scrape may also hold the figures of other
    /// hosts in parallel tests; a recorder scoped to this host's meter factory proves this run recorded each one.
    /// </remarks>
    [Fact]
    public async Task DiscordRun_MetricsShowRestRequests429sReconnectsAndInteractionLatency_AfterThatActivity()
    {
        await using var discord = await FakeDiscordServer.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero)), Ct);
        discord.Rest.Faults.RateLimitNext(TimeSpan.FromMilliseconds(20));
        using var host = Build(
            new Dictionary<string, string?>
            {
                ["Discord:Token"] = discord.Rest.Options.Token,
                ["Discord:ApiBaseUrl"] = discord.ApiBaseUri.ToString(),
                ["Discord:GatewayUrl"] = discord.GatewayUri.ToString(),
            },
            new CapturingLoggerProvider());
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var rest = new MeasurementRecorder(RestMetrics.MeterName, meters);
        using var gateway = new MeasurementRecorder(GatewayMetrics.MeterName, meters);
        using var interactions = new MeasurementRecorder(InteractionMetrics.MeterName, meters);

        await host.StartAsync(Ct);
        await discord.Gateway.WaitUntilAsync(g => g.IdentifyCount == 1 && g.IsConnected);
        await discord.WaitForInteractionRequestAsync(r => r.Route == FakeInteractionRoute.GlobalCommands, Ct).WaitAsync(Bound, Ct);
        await discord.Gateway.SendReconnectAsync();
        await discord.Gateway.WaitUntilAsync(g => g.ResumeCount == 1 && g.IsConnected);
        discord.IssueInteraction(4545, "interaction-token-ops");
        await discord.Gateway.SendDispatchAsync("INTERACTION_CREATE",
            """{"id":"4545","application_id":"1100000000000000001","type":2,"token":"interaction-token-ops","guild_id":"77","channel_id":"88","member":{"user":{"id":"5","username":"ada"},"permissions":"0"},"data":{"id":"1","name":"latest","type":1,"options":[{"name":"count","type":4,"value":50}]}}""");
        await interactions.WaitForAsync("bothost.discord.interactions.ack.duration", Bound, Ct);
        await rest.WaitForAsync("bothost.discord.rest.rate_limited", Bound, Ct);
        var metrics = await GetAsync(host.Services.GetRequiredService<OperationsEndpoint>().ListeningUri!, "/metrics");
        gateway.Observe();
        await host.StopAsync(Ct);

        Assert.Equal(1, rest.Sum("bothost.discord.rest.rate_limited", ("scope", "user")));
        Assert.Contains(rest.Of("bothost.discord.rest.requests"), m => Equals(m.Tags["status"], "429"));
        Assert.Contains(rest.Of("bothost.discord.rest.requests"), m => Equals(m.Tags["route"], "/interactions/{interaction_id}/{interaction_token}/callback") && m.Tags["status"] is string status && status.StartsWith('2'));
        Assert.Equal(rest.Of("bothost.discord.rest.requests").Count, rest.Of("bothost.discord.rest.request.duration").Count);
        Assert.Equal(1, gateway.Sum("bothost.discord.gateway.reconnects", ("next", "resume")));
        Assert.Contains(gateway.Of("bothost.discord.gateway.connected"), m => m.Value == 1);
        Assert.Equal("command", Assert.Single(interactions.Of("bothost.discord.interactions.ack.duration")).Tags["type"]);
        AssertScraped(
            metrics,
            "bothost_discord_rest_requests_total{",
            "bothost_discord_rest_rate_limited_total{",
            "bothost_discord_rest_request_duration_seconds_bucket{",
            "bothost_discord_gateway_reconnects_total{",
            "next=\"resume\"",
            "bothost_discord_gateway_connected",
            "bothost_discord_interactions_ack_duration_seconds_count{");
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

    private static void AssertScraped((HttpStatusCode Status, string Body) metrics, params string[] fragments)
    {
        Assert.Equal(HttpStatusCode.OK, metrics.Status);
        Assert.All(fragments, f => Assert.Contains(f, metrics.Body, StringComparison.Ordinal));
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
