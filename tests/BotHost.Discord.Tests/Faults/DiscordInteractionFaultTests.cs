using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Tests.Interactions;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Faults;

/// <summary>
/// Issue 13's Discord fault suite, interactions: a callback that reaches Discord after its 3-second window gets
/// 10062. The dispatcher logs it, sends nothing more on that interaction (no retry, no webhook call with a dead
/// token) and does not throw out of the dispatch.
/// </summary>
public sealed class DiscordInteractionFaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallbackAfterThreeSeconds_Gets10062_AndNothingElseIsSentOrThrown()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([new EchoCommand()]);
        var interaction = InteractionBuilder.Command("echo", InteractionBuilder.Option("text", ApplicationCommandOptionType.String, "late"));
        rig.Server.IssueInteraction(interaction.Id, interaction.Token, rig.Time.GetUtcNow() - TimeSpan.FromSeconds(3.5));

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var callback = Assert.Single(rig.Server.InteractionRequests);
        Assert.Equal((404, (int?)10062), (callback.Status, callback.ErrorCode));
        Assert.Contains(rig.DispatcherLog.Entries, e => e.EventId == 3104 && e.Exception.Contains("10062", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeferralAfterThreeSeconds_Gets10062_AndTheLateAnswerIsNotSentToADeadToken()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand();
        var dispatcher = rig.CreateDispatcher([command]);
        var interaction = InteractionBuilder.Command("slow");
        rig.Server.IssueInteraction(interaction.Id, interaction.Token, rig.Time.GetUtcNow() - TimeSpan.FromSeconds(1.5));

        var dispatch = dispatcher.DispatchAsync(interaction, Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        await rig.Server.WaitForInteractionRequestsAsync(r => r.Count == 1);
        command.Release.SetResult(CommandResponse.Message("too late"));
        await dispatch.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var deferral = Assert.Single(rig.Server.InteractionRequests);
        Assert.Equal((FakeInteractionRoute.Callback, 5, 10062), (deferral.Route, deferral.CallbackType, deferral.ErrorCode!.Value));
        Assert.Single(rig.DispatcherLog.Entries, e => e.EventId == 3104);
    }
}
