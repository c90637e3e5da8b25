using BotHost.Discord.Gateway;
using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Gateway;

/// <summary>
/// A fake gateway on loopback, a client wired to it with a fake clock, a fixed jitter of 0.25, a capturing
/// logger and a consumer of its dispatches. Heartbeat interval 1 s, so the first beat is due at 250 ms.
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "MTA-test-token.SECRET.do-not-log";
    public const double Jitter = 0.25;
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);

    private GatewayHarness(FakeTimeProvider time, FakeDiscordServer server)
    {
        Time = time;
        Server = server;
        Gateway.HeartbeatIntervalMs = (int)HeartbeatInterval.TotalMilliseconds;
        Info = new StubGatewayInfoSource(Answer(remaining: 1000), time) { Probe = () => Gateway.ConnectionCount };
    }

    public FakeTimeProvider Time { get; }

    public FakeDiscordServer Server { get; }

    public FakeGateway Gateway => Server.Gateway;

    public StubGatewayInfoSource Info { get; }

    public DiscordOptions Discord { get; } = new() { Token = Token, Intents = 1 };

    public GatewayOptions Options { get; } = new();

    public CapturingLogger<GatewayClient> Logs { get; } = new();

    /// <summary>Shared by every client the harness starts, as a database would be across restarts.</summary>
    public InMemoryGatewaySessionStore SessionStore { get; } = new();

    public GatewayClient Client { get; private set; } = null!;

    /// <summary>Owns the meter factory behind <see cref="Metrics"/>: record with it to see only this harness's clients.</summary>
    public ServiceProvider MeterServices { get; } = new ServiceCollection().AddMetrics().AddSingleton<GatewayMetrics>().BuildServiceProvider();

    public GatewayMetrics Metrics => MeterServices.GetRequiredService<GatewayMetrics>();

    public DispatchRecorder Dispatches { get; private set; } = null!;

    public DateTimeOffset Start { get; private set; }

    public static async Task<GatewayHarness> CreateAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var server = await FakeDiscordServer.StartAsync(time, TestContext.Current.CancellationToken);
        return new GatewayHarness(time, server);
    }

    public GatewayBotInfo Answer(int remaining, long resetAfterMs = 0, int shards = 1, string? url = null)
        => new(url ?? Server.GatewayUri.ToString(), shards, new SessionStartLimit(1000, remaining, resetAfterMs, 1));

    public async Task StartClientAsync()
    {
        Start = Time.GetUtcNow();
        Client = new GatewayClient(Microsoft.Extensions.Options.Options.Create(Discord), Microsoft.Extensions.Options.Options.Create(Options), Info, Time, Logs, new ScriptedRandom(Jitter), SessionStore, Metrics);
        Dispatches = new DispatchRecorder(Client);
        await Client.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Stops and disposes the current client, then starts a new one (a process restart), with a fresh dispatch recorder.</summary>
    public async Task RestartClientAsync()
    {
        await Client.StopAsync(TestContext.Current.CancellationToken);
        await Client.DisposeAsync();
        await StartClientAsync();
    }

    /// <summary>Starts the client and waits until it has handled READY.</summary>
    public async Task StartReadyAsync()
    {
        await StartClientAsync();
        await Dispatches.WaitForEventAsync("READY");
    }

    /// <summary>The delays the client logged before reconnecting ("Waiting {Delay} before the next gateway connection"), in order.</summary>
    public IReadOnlyList<string> LoggedWaits()
        => [.. Logs.Entries.Where(e => e.EventId == 3010).Select(e => e.State.Split(';').First(p => p.StartsWith("Delay=", StringComparison.Ordinal))["Delay=".Length..])];

    /// <summary>Fake-clock arrival times of the client's IDENTIFY payloads.</summary>
    public IReadOnlyList<DateTimeOffset> IdentifyTimes() => [.. Gateway.Frames.Where(f => f.Op == 2).Select(f => f.ReceivedAt)];

    /// <summary>The MESSAGE_CREATE sequences the consumer saw, in order.</summary>
    public IReadOnlyList<long> MessageSequences()
        => [.. Dispatches.Seen.Where(d => d.EventName == "MESSAGE_CREATE").Select(d => d.Sequence)];

    public async ValueTask DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }

        await Server.DisposeAsync();
        await MeterServices.DisposeAsync();
    }
}
