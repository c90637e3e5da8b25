using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>A handler that hangs, even one that ignores cancellation, is stopped at the time limit and gives its slot back.</summary>
public sealed class HandlerTimeoutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Without the time limit the hung handler keeps its slot and the rig's disposal waits on it: the timeout makes that fail.
    [Fact(Timeout = 30_000)]
    public async Task Dispatch_WhenAHandlerHangsIgnoringCancellation_TellsTheUserAtTheLimit_AndTheNextInteractionGetsTheSlot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await InteractionTestRig.StartAsync();
        var hanging = new HangingCommand();
        var dispatcher = rig.CreateDispatcher([hanging, new InstantCommand()], options: new InteractionDispatcherOptions
        {
            AcknowledgeAfter = TimeSpan.FromSeconds(2),
            MaxConcurrentHandlers = 1,
            HandlerTimeout = TimeSpan.FromSeconds(60),
        });
        var stuck = rig.Issue(InteractionBuilder.Command("hang"));

        // The HTTP path: the deferral is the request's own answer, so no REST call is in flight while fake time jumps.
        var deferral = dispatcher.AcknowledgeAsync(stuck, rig.Time.GetTimestamp(), Task.CompletedTask, ct);
        await hanging.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, ct);
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, (await deferral.WaitAsync(InteractionTestRig.SignalTimeout, ct))?.Type);
        rig.Server.AcknowledgeInline(stuck.Id);

        var next = rig.Issue(InteractionBuilder.Command("instant"));
        var queued = dispatcher.AcknowledgeAsync(next, rig.Time.GetTimestamp(), Task.CompletedTask, ct);
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, (await queued.WaitAsync(InteractionTestRig.SignalTimeout, ct))?.Type);
        rig.Server.AcknowledgeInline(next.Id);
        Assert.DoesNotContain(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.EditOriginal);

        rig.Time.Advance(TimeSpan.FromSeconds(60));
        var stopped = await rig.WaitForAsync(FakeInteractionRoute.EditOriginal, stuck.Id);
        var stoppedPrivately = await rig.WaitForAsync(FakeInteractionRoute.Followup, stuck.Id);
        var answered = await rig.WaitForAsync(FakeInteractionRoute.EditOriginal, next.Id);

        // The error is private; the public "thinking…" placeholder only says so.
        Assert.Equal("Answered privately.", stopped.Body.GetProperty("content").GetString());
        Assert.Equal("/hang took longer than 60 s and was stopped. Please try again later.", stoppedPrivately.Body.GetProperty("content").GetString());
        Assert.Equal("at once", answered.Body.GetProperty("content").GetString());
        Assert.True(hanging.CancellationSeen, "the hanging handler's token was not cancelled");
        Assert.False(hanging.Finished, "the test's hanging handler finished by itself");
    }

    [Fact]
    public async Task Dispatch_WhenAHandlerFinishesInsideTheLimit_AnswersNormally()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([new InstantCommand()], options: new InteractionDispatcherOptions { HandlerTimeout = TimeSpan.FromSeconds(1) });
        var interaction = rig.Issue(InteractionBuilder.Command("instant"));

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        var answer = await rig.WaitForAsync(FakeInteractionRoute.Callback, interaction.Id);

        Assert.Equal(4, answer.CallbackType);
        Assert.Equal("at once", answer.Body.GetProperty("data").GetProperty("content").GetString());
    }

    /// <summary>Never finishes and never looks at its token (it only records that the token was cancelled).</summary>
    private sealed class HangingCommand : SlashCommand
    {
        private readonly TaskCompletionSource<CommandResponse> _never = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool CancellationSeen { get; private set; }

        public bool Finished => _never.Task.IsCompleted;

        public override ApplicationCommandDefinition Definition { get; } = new() { Name = "hang", Description = "Never answers" };

        public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        {
            cancellationToken.Register(() => CancellationSeen = true);
            Started.TrySetResult();
            return _never.Task;
        }
    }

    private sealed class InstantCommand : SlashCommand
    {
        public override ApplicationCommandDefinition Definition { get; } = new() { Name = "instant", Description = "Answers at once" };

        public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
            => Task.FromResult(CommandResponse.Message("at once"));
    }
}
