using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Api;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Rest;
using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>
/// A fake clock, a loopback fake Discord and a dispatcher wired to it through the real REST client (the one
/// HTTP path to Discord), with the client's logs captured.
/// </summary>
internal sealed class InteractionTestRig : IAsyncDisposable
{
    public static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http = new();

    private InteractionTestRig(FakeTimeProvider time, FakeDiscordServer server, DiscordOptions options, Action<DiscordRestOptions>? configureRest)
    {
        configureRest?.Invoke(RestOptions);
        Time = time;
        Server = server;
        Options = options;
        Rest = new DiscordRestClient(
            _http,
            Microsoft.Extensions.Options.Options.Create(options),
            Microsoft.Extensions.Options.Options.Create(RestOptions),
            time,
            RestLog);
        Api = new RestInteractionApi(Rest);
    }

    public FakeTimeProvider Time { get; }

    public FakeDiscordServer Server { get; }

    public DiscordOptions Options { get; }

    /// <summary>Retries wait 10 ms of fake time; everything else is the default.</summary>
    public DiscordRestOptions RestOptions { get; } = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(10) };

    public DiscordRestClient Rest { get; }

    public CapturingLogger<DiscordRestClient> RestLog { get; } = new();

    public RestInteractionApi Api { get; }

    public InteractionDispatcher? Dispatcher { get; private set; }

    public static async Task<InteractionTestRig> StartAsync(ulong? devGuildId = null, Action<DiscordRestOptions>? configureRest = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var server = await FakeDiscordServer.StartAsync(time, TestContext.Current.CancellationToken);
        server.Rest.Options.Token = "test-bot-token";
        var options = new DiscordOptions
        {
            ApiBaseUrl = server.ApiBaseUri.ToString(),
            Token = "test-bot-token",
            ApplicationId = InteractionBuilder.ApplicationId,
            DevGuildId = devGuildId,
        };
        var rig = new InteractionTestRig(time, server, options, configureRest);
        return rig;
    }

    public CapturingLogger<InteractionDispatcher> DispatcherLog { get; } = new();

    /// <param name="options">Null: a 2 s acknowledgement budget, which most tests step over with the fake clock.</param>
    public InteractionDispatcher CreateDispatcher(
        IEnumerable<SlashCommand> commands, IEnumerable<ComponentHandler>? components = null, InteractionMetrics? metrics = null,
        InteractionDispatcherOptions? options = null)
    {
        Dispatcher = new InteractionDispatcher(
            new CommandCatalog(commands, components ?? []),
            Api,
            Time,
            Microsoft.Extensions.Options.Options.Create(options ?? new InteractionDispatcherOptions { AcknowledgeAfter = TimeSpan.FromSeconds(2) }),
            DispatcherLog,
            metrics);
        return Dispatcher;
    }

    /// <summary>Tells the fake Discord the interaction exists, as if it had just been issued.</summary>
    public Interaction Issue(Interaction interaction)
    {
        Server.IssueInteraction(interaction.Id, interaction.Token);
        return interaction;
    }

    public Task<FakeInteractionRequest> WaitForAsync(FakeInteractionRoute route, ulong interactionId)
        => Server.WaitForInteractionRequestAsync(r => r.Route == route && r.InteractionId == interactionId, TestContext.Current.CancellationToken)
            .WaitAsync(SignalTimeout, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Dispatcher is not null)
        {
            await Dispatcher.DisposeAsync();
        }

        await Server.DisposeAsync();
        _http.Dispose();
    }
}
