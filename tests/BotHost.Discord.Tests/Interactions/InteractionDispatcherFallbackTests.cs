using System.Collections.Concurrent;
using System.Net;
using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Api;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Testing.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>What the dispatcher does when editing the deferred placeholder answers 404 (FACTS §2: a 404 webhook must not be reused).</summary>
public sealed class InteractionDispatcherFallbackTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dispatch_WhenEditAnswersUnknownMessage_SendsFollowup()
    {
        var api = new RefusingEditApi(new InteractionApiException("PATCH", HttpStatusCode.NotFound, InteractionApiException.UnknownMessage, "Unknown Message"));

        await DispatchDeferredAsync(api);

        var followup = Assert.Single(api.Followups);
        Assert.Equal("late answer", followup.Content);
    }

    [Theory]
    [InlineData(InteractionApiException.UnknownWebhook)]
    [InlineData(null)]
    public async Task Dispatch_WhenEditAnswers404WithoutUnknownMessageCode_NeverCallsWebhookAgain(int? code)
    {
        var api = new RefusingEditApi(new InteractionApiException("PATCH", HttpStatusCode.NotFound, code, null));

        await DispatchDeferredAsync(api);

        Assert.Equal(1, api.Edits);
        Assert.Empty(api.Followups);
    }

    private static async Task DispatchDeferredAsync(RefusingEditApi api)
    {
        var command = new DeferringCommand();
        await using var dispatcher = new InteractionDispatcher(
            new CommandCatalog([command], []),
            api,
            new FakeTimeProvider(),
            Options.Create(new InteractionDispatcherOptions { AcknowledgeAfter = TimeSpan.FromSeconds(2) }),
            new CapturingLogger<InteractionDispatcher>());

        await dispatcher.DispatchAsync(InteractionBuilder.Command("defers"), Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);
    }

    /// <summary>Defers explicitly, so the late answer goes through the edit-original route without any clock.</summary>
    private sealed class DeferringCommand : SlashCommand
    {
        public override ApplicationCommandDefinition Definition { get; } = new() { Name = "defers", Description = "Defers at once" };

        public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
            => Task.FromResult(CommandResponse.Defer(_ => Task.FromResult(CommandResponse.Message("late answer"))));
    }

    private sealed class RefusingEditApi(InteractionApiException editFailure) : IInteractionApi
    {
        private int _edits;

        public int Edits => Volatile.Read(ref _edits);

        public ConcurrentQueue<InteractionCallbackData> Followups { get; } = new();

        public Task CreateResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken)
            => Task.CompletedTask;

        public Task EditOriginalResponseAsync(ulong applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _edits);
            return Task.FromException(editFailure);
        }

        public Task CreateFollowupAsync(ulong applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken)
        {
            Followups.Enqueue(message);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<RegisteredApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
            ulong applicationId, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken)
            => throw new NotSupportedException();

        public Task<IReadOnlyList<RegisteredApplicationCommand>> BulkOverwriteGuildCommandsAsync(
            ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken)
            => throw new NotSupportedException();
    }
}
