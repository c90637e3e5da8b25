using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Api;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>A fake clock, a loopback fake Discord and a dispatcher wired to it through the real HTTP API client.</summary>
internal sealed class InteractionTestRig : IAsyncDisposable
{
    public static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http = new();

    private InteractionTestRig(FakeTimeProvider time, FakeDiscordServer server, DiscordOptions options)
    {
        Time = time;
        Server = server;
        Options = options;
        Api = new RestInteractionApi(_http, Microsoft.Extensions.Options.Options.Create(options), time);
    }

    public FakeTimeProvider Time { get; }

    public FakeDiscordServer Server { get; }

    public DiscordOptions Options { get; }

    public RestInteractionApi Api { get; }

    public InteractionDispatcher? Dispatcher { get; private set; }

    public static async Task<InteractionTestRig> StartAsync(ulong? devGuildId = null)
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
        return new InteractionTestRig(time, server, options);
    }

    public CapturingLogger<InteractionDispatcher> DispatcherLog { get; } = new();

    public InteractionDispatcher CreateDispatcher(IEnumerable<SlashCommand> commands, IEnumerable<ComponentHandler>? components = null)
    {
        Dispatcher = new InteractionDispatcher(
            new CommandCatalog(commands, components ?? []),
            Api,
            Time,
            Microsoft.Extensions.Options.Options.Create(new InteractionDispatcherOptions()),
            DispatcherLog);
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
