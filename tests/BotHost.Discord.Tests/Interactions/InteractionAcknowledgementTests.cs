using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>
/// Issue 9, acceptance 2: the fake records refused callbacks (40060), so a second acknowledgement is visible.
/// Whatever path the dispatcher takes (inline, auto-defer, explicit defer, error, lost answer), each
/// interaction gets exactly one callback and nothing is ever refused as already acknowledged.
/// </summary>
public sealed class InteractionAcknowledgementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("fast answer")]
    [InlineData("explicit defer")]
    [InlineData("handler throws")]
    [InlineData("unknown command")]
    [InlineData("autocomplete")]
    [InlineData("button updates message")]
    public async Task Dispatch_WhenHandlerAnswersInTime_AcknowledgesExactlyOnce(string scenario)
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([new EchoCommand(), new DeferringCommand(), new ThrowingCommand(), new TopicCommand()], [new MoreButtonHandler()]);
        var interaction = rig.Issue(scenario switch
        {
            "fast answer" => InteractionBuilder.Command("echo", InteractionBuilder.Option("text", ApplicationCommandOptionType.String, "hi")),
            "explicit defer" => InteractionBuilder.Command("defers"),
            "handler throws" => InteractionBuilder.Command("boom"),
            "unknown command" => InteractionBuilder.Command("gone"),
            "autocomplete" => InteractionBuilder.Autocomplete("topic", InteractionBuilder.Option("name", ApplicationCommandOptionType.String, "ru", focused: true)),
            _ => InteractionBuilder.Button("digest:more:2"),
        });

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        AssertAcknowledgedOnce(rig, interaction);
    }

    [Theory]
    [InlineData("answer")]
    [InlineData("error")]
    [InlineData("exception")]
    [InlineData("answer at the deadline")]
    public async Task Dispatch_WhenHandlerOutlivesTheDeadline_DefersOnceAndNeverAcknowledgesAgain(string ending)
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand();
        var dispatcher = rig.CreateDispatcher([command]);
        var interaction = rig.Issue(InteractionBuilder.Command("slow"));

        var dispatch = dispatcher.DispatchAsync(interaction, Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        if (ending == "answer at the deadline")
        {
            // The answer and the deadline become ready together: either may win, but only one may acknowledge.
            command.Release.SetResult(CommandResponse.Message("just in time"));
            rig.Time.Advance(TimeSpan.FromSeconds(2));
        }
        else
        {
            rig.Time.Advance(TimeSpan.FromSeconds(2));
            await rig.WaitForAsync(FakeInteractionRoute.Callback, interaction.Id);
            Release(command, ending);
        }

        await dispatch.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        AssertAcknowledgedOnce(rig, interaction);
    }

    [Theory]
    [InlineData("dropped")]
    [InlineData("502")]
    public async Task Dispatch_WhenCallbackAnswerIsLostAfterCommit_DoesNotSendASecondCallback(string fault)
    {
        await using var rig = await InteractionTestRig.StartAsync();
        if (fault == "dropped")
        {
            rig.Server.Rest.Faults.DropAfterCommitNext(1, "/callback");
        }
        else
        {
            rig.Server.Rest.Faults.FailAfterCommitNext(1, 502, "/callback");
        }

        var dispatcher = rig.CreateDispatcher([new EchoCommand()]);
        var interaction = rig.Issue(InteractionBuilder.Command("echo", InteractionBuilder.Option("text", ApplicationCommandOptionType.String, "hi")));

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var callback = Assert.Single(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.Callback);
        Assert.False(callback.IsAccepted);
        Assert.DoesNotContain(rig.Server.InteractionRequests, r => r.ErrorCode == 40060);
        Assert.Contains(rig.DispatcherLog.Entries, e => e.EventId == 3104);
    }

    private static void Release(GatedCommand command, string ending)
    {
        switch (ending)
        {
            case "answer":
                command.Release.SetResult(CommandResponse.Message("done"));
                break;
            case "error":
                command.Release.SetResult(CommandResponse.Error("nothing found"));
                break;
            default:
                command.Release.SetException(new InvalidOperationException("feed store offline"));
                break;
        }
    }

    private static void AssertAcknowledgedOnce(InteractionTestRig rig, Interaction interaction)
    {
        var requests = rig.Server.InteractionRequests;
        var callback = Assert.Single(requests, r => r.Route == FakeInteractionRoute.Callback && r.InteractionId == interaction.Id);
        Assert.True(callback.IsAccepted, $"callback answered {callback.Status} ({callback.ErrorCode})");
        Assert.All(requests, r => Assert.True(r.IsAccepted, $"{r.Route} answered {r.Status} ({r.ErrorCode})"));
        Assert.DoesNotContain(requests, r => r.ErrorCode == 40060);
    }

    /// <summary>Defers explicitly and answers through the edit of the original response.</summary>
    private sealed class DeferringCommand : SlashCommand
    {
        public override ApplicationCommandDefinition Definition { get; } = new() { Name = "defers", Description = "Defers at once" };

        public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
            => Task.FromResult(CommandResponse.Defer(_ => Task.FromResult(CommandResponse.Message("late answer"))));
    }
}
