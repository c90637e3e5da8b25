using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>
/// The acknowledgement budget counts from the interaction's arrival, whichever path brought it (HTTP endpoint or
/// gateway); handlers run in a bounded number of slots, and an interaction that has to wait for one is deferred at
/// once; a lone fast command is still answered inline.
/// </summary>
public sealed class InteractionAcknowledgeBudgetTests
{
    private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http")]
    [InlineData("gateway")]
    public async Task Dispatch_WhenInteractionWaitedBeforeDispatch_DefersAtArrivalPlusBudget(string path)
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand();
        var dispatcher = rig.CreateDispatcher([command], options: new InteractionDispatcherOptions { AcknowledgeAfter = TwoSeconds });
        var interaction = rig.Issue(InteractionBuilder.Command("slow"));
        var arrived = rig.Time.GetTimestamp();

        // 1.5 s spent between arrival and dispatch (a busy thread pool, a queued gateway event) leaves 0.5 s of the budget.
        rig.Time.Advance(TimeSpan.FromMilliseconds(1500));
        var acknowledged = Start(dispatcher, interaction, arrived, path);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Empty(rig.Server.InteractionRequests);
        Assert.False(path == "http" && acknowledged.IsCompleted, "acknowledged before the budget ran out");
        rig.Time.Advance(TimeSpan.FromMilliseconds(1));
        var deferral = await InitialResponseAsync(rig, path, acknowledged, interaction);
        command.Release.SetResult(CommandResponse.Message("late but acknowledged"));
        var edit = await rig.WaitForAsync(FakeInteractionRoute.EditOriginal, interaction.Id);

        Assert.Equal((5, 0), deferral);
        Assert.True(edit.IsAccepted);
        Assert.Equal("late but acknowledged", edit.Body.GetProperty("content").GetString());
        await acknowledged.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("gateway")]
    public async Task Dispatch_WhenBudgetWasSpentBeforeDispatch_DefersWithoutWaitingAnyLonger(string path)
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand(ephemeral: true);
        var dispatcher = rig.CreateDispatcher([command], options: new InteractionDispatcherOptions { AcknowledgeAfter = TwoSeconds });
        var interaction = rig.Issue(InteractionBuilder.Command("slow"));
        var arrived = rig.Time.GetTimestamp();
        rig.Time.Advance(TimeSpan.FromMilliseconds(2500));

        var acknowledged = Start(dispatcher, interaction, arrived, path);
        var deferral = await InitialResponseAsync(rig, path, acknowledged, interaction);
        command.Release.SetResult(CommandResponse.Message("private answer", ephemeral: true));
        await rig.WaitForAsync(FakeInteractionRoute.EditOriginal, interaction.Id);

        Assert.Equal((5, (int)MessageFlags.Ephemeral), deferral);
        await acknowledged.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dispatch_WhenAllSlotsAreBusy_RunsNoMoreThanTheLimitAndDefersTheWaitingOnesAtOnce(bool ephemeral)
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new HeldCommand(ephemeral);
        var dispatcher = rig.CreateDispatcher([command], options: new InteractionDispatcherOptions { AcknowledgeAfter = TwoSeconds, MaxConcurrentHandlers = 2 });
        var interactions = Enumerable.Range(0, 5).Select(_ => rig.Issue(InteractionBuilder.Command("held"))).ToList();

        var dispatches = new List<Task>();
        foreach (var interaction in interactions.Take(2))
        {
            dispatches.Add(dispatcher.DispatchAsync(interaction, Ct));
        }

        var running = new List<TaskCompletionSource<CommandResponse>> { await NextStartAsync(command), await NextStartAsync(command) };
        dispatches.AddRange(interactions.Skip(2).Select(i => dispatcher.DispatchAsync(i, Ct)));

        // No fake time passes: the three that found no free slot are deferred because they wait, not because a timer ran out.
        var deferrals = new List<FakeInteractionRequest>();
        foreach (var queued in interactions.Skip(2))
        {
            deferrals.Add(await rig.WaitForAsync(FakeInteractionRoute.Callback, queued.Id));
        }

        Assert.False(command.Started.Reader.TryRead(out _), "a third handler started while both slots were held");
        Assert.All(deferrals, d => Assert.Equal(5, d.CallbackType));
        Assert.All(deferrals, d => Assert.Equal(ephemeral, d.Body.TryGetProperty("data", out var data) && data.GetProperty("flags").GetInt32() == (int)MessageFlags.Ephemeral));

        for (var answered = 0; answered < interactions.Count; answered++)
        {
            running[answered].SetResult(CommandResponse.Message($"answer {answered}", ephemeral));
            if (answered + 2 < interactions.Count)
            {
                running.Add(await NextStartAsync(command));
            }
        }

        await Task.WhenAll(dispatches).WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        Assert.Equal(2, command.MostRunning);
        foreach (var queued in interactions.Skip(2))
        {
            var edit = Assert.Single(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.EditOriginal && r.InteractionId == queued.Id);
            Assert.StartsWith("answer ", edit.Body.GetProperty("content").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(2, rig.Server.InteractionRequests.Count(r => r.Route == FakeInteractionRoute.Callback && r.CallbackType == 4));
    }

    [Fact]
    public async Task Acknowledge_WithDefaultBudget_AnswersALoneTenMillisecondCommandInline()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand();
        var dispatcher = rig.CreateDispatcher([command], options: new InteractionDispatcherOptions());
        var interaction = rig.Issue(InteractionBuilder.Command("slow"));

        var acknowledged = dispatcher.AcknowledgeAsync(interaction, rig.Time.GetTimestamp(), Task.CompletedTask, Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromMilliseconds(10));
        command.Release.SetResult(CommandResponse.Message("found in 10 ms"));
        var response = await acknowledged.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        Assert.NotNull(response);
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, response.Type);
        Assert.Equal("found in 10 ms", response.Data?.Content);
        Assert.Empty(rig.Server.InteractionRequests);
    }

    [Fact]
    public async Task Acknowledge_WithDefaultBudget_DefersACommandStillRunningFiftyMillisecondsAfterArrival()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand();
        var dispatcher = rig.CreateDispatcher([command], options: new InteractionDispatcherOptions());
        var interaction = rig.Issue(InteractionBuilder.Command("slow"));

        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acknowledged = dispatcher.AcknowledgeAsync(interaction, rig.Time.GetTimestamp(), sent.Task, Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(acknowledged.IsCompleted, "acknowledged before the budget ran out");
        rig.Time.Advance(TimeSpan.FromMilliseconds(1));
        var deferral = await acknowledged.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Server.AcknowledgeInline(interaction.Id);
        command.Release.SetResult(CommandResponse.Message("found in 120 ms"));
        sent.SetResult();
        var edit = await rig.WaitForAsync(FakeInteractionRoute.EditOriginal, interaction.Id);
        Assert.True(edit.IsAccepted);

        // Over HTTP the deferral is the request's own answer: nothing goes to the callback route.
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, deferral?.Type);
        Assert.Equal("found in 120 ms", edit.Body.GetProperty("content").GetString());
        Assert.DoesNotContain(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.Callback);
    }

    [Fact]
    public async Task Acknowledge_WhenAHandlerHoldsItsThreadWithoutYielding_StillDefersAtTheBudget()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        using var command = new ThreadBlockingCommand();
        var dispatcher = rig.CreateDispatcher([command], options: new InteractionDispatcherOptions());
        var interaction = rig.Issue(InteractionBuilder.Command("blocking"));

        // Started from another thread: a dispatcher that ran the handler inline would hold this call until the release.
        var acknowledged = Task.Run(() => dispatcher.AcknowledgeAsync(interaction, rig.Time.GetTimestamp(), Task.CompletedTask, Ct), Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromMilliseconds(50));
        var deferral = await acknowledged.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Server.AcknowledgeInline(interaction.Id);
        command.Release();
        var edit = await rig.WaitForAsync(FakeInteractionRoute.EditOriginal, interaction.Id);

        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, deferral?.Type);
        Assert.Equal("released", edit.Body.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Acknowledge_WhenTheEditOvertakesDiscordReadingTheInlineDeferral_RetriesTheEdit()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand();
        var dispatcher = rig.CreateDispatcher([command], options: new InteractionDispatcherOptions { AcknowledgeAfter = TwoSeconds });
        var interaction = rig.Issue(InteractionBuilder.Command("slow"));
        var acknowledged = dispatcher.AcknowledgeAsync(interaction, rig.Time.GetTimestamp(), Task.CompletedTask, Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TwoSeconds);
        await acknowledged.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        // Discord has not processed the inline deferral yet: the first edit finds no original message.
        command.Release.SetResult(CommandResponse.Message("answer"));
        var refused = await rig.WaitForAsync(FakeInteractionRoute.EditOriginal, interaction.Id);
        await rig.DispatcherLog.WaitForAsync("found no original response yet", InteractionTestRig.SignalTimeout);
        rig.Server.AcknowledgeInline(interaction.Id);
        rig.Time.Advance(TimeSpan.FromMilliseconds(250));
        await rig.Server.WaitForInteractionRequestsAsync(requests => requests.Any(r => r.Route == FakeInteractionRoute.EditOriginal && r.IsAccepted), InteractionTestRig.SignalTimeout);
        await dispatcher.WhenBackgroundIdleAsync().WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        Assert.Equal(10008, refused.ErrorCode);
        Assert.Equal(2, rig.Server.InteractionRequests.Count(r => r.Route == FakeInteractionRoute.EditOriginal));
        Assert.DoesNotContain(rig.Server.InteractionRequests, r => r.Route is FakeInteractionRoute.Followup or FakeInteractionRoute.Callback);
    }

    private static Task<InteractionResponse?> Start(InteractionDispatcher dispatcher, Interaction interaction, long arrived, string path)
        => path == "http"
            ? dispatcher.AcknowledgeAsync(interaction, arrived, Task.CompletedTask, Ct)
            : Gateway(dispatcher.DispatchAsync(interaction, arrived, Ct));

    private static async Task<InteractionResponse?> Gateway(Task dispatch)
    {
        await dispatch;
        return null;
    }

    /// <summary>The initial response's type and flags: the HTTP request's answer, or what went to the callback route for the gateway.</summary>
    private static async Task<(int Type, int Flags)> InitialResponseAsync(
        InteractionTestRig rig, string path, Task<InteractionResponse?> acknowledged, Interaction interaction)
    {
        if (path == "http")
        {
            var response = await acknowledged.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
            Assert.NotNull(response);
            rig.Server.AcknowledgeInline(interaction.Id);
            return ((int)response.Type, (int)(response.Data?.Flags ?? MessageFlags.None));
        }

        var callback = await rig.WaitForAsync(FakeInteractionRoute.Callback, interaction.Id);
        return (callback.CallbackType, callback.Body.TryGetProperty("data", out var data) && data.TryGetProperty("flags", out var flags) ? flags.GetInt32() : 0);
    }

    private static async Task<TaskCompletionSource<CommandResponse>> NextStartAsync(HeldCommand command)
        => await command.Started.Reader.ReadAsync(Ct).AsTask().WaitAsync(InteractionTestRig.SignalTimeout, Ct);
}
