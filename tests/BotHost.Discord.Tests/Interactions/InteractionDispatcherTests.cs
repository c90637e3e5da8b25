using System.Text.Json;
using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Testing.Logging;
using Microsoft.Extensions.Options;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Interactions;

public sealed class InteractionDispatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dispatch_WhenHandlerIsFast_SendsChannelMessageCallback()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([new EchoCommand()]);
        var interaction = rig.Issue(InteractionBuilder.Command("echo", InteractionBuilder.Option("text", ApplicationCommandOptionType.String, "hi")));

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var callback = Assert.Single(rig.Server.InteractionRequests);
        Assert.Equal(FakeInteractionRoute.Callback, callback.Route);
        Assert.Equal(4, callback.CallbackType);
        Assert.Equal("echo: hi", callback.Body.GetProperty("data").GetProperty("content").GetString());
        Assert.False(callback.Body.GetProperty("data").TryGetProperty("flags", out _));
        Assert.Null(callback.Authorization);
        Assert.StartsWith("DiscordBot (", callback.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_WhenHandlerSlowerThanTwoSeconds_DefersThenEditsOriginal()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand();
        var dispatcher = rig.CreateDispatcher([command]);
        var interaction = rig.Issue(InteractionBuilder.Command("slow"));

        var dispatch = dispatcher.DispatchAsync(interaction, Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.Empty(rig.Server.InteractionRequests);
        rig.Time.Advance(TimeSpan.FromMilliseconds(1));
        var deferral = await rig.WaitForAsync(FakeInteractionRoute.Callback, interaction.Id);
        command.Release.SetResult(CommandResponse.Message("all done"));
        await dispatch.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        Assert.Equal(5, deferral.CallbackType);
        Assert.False(deferral.Body.TryGetProperty("data", out _));
        var edit = Assert.Single(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.EditOriginal);
        Assert.Equal("all done", edit.Body.GetProperty("content").GetString());
        Assert.Equal($"/api/v10/webhooks/{InteractionBuilder.ApplicationId}/{interaction.Token}/messages/@original", edit.Path);
        Assert.Equal(2, rig.Server.InteractionRequests.Count);
    }

    [Fact]
    public async Task Dispatch_WhenPublicDeferralEndsInError_EditsNeutralLineAndSendsErrorAsEphemeralFollowup()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand();
        var dispatcher = rig.CreateDispatcher([command]);
        var interaction = rig.Issue(InteractionBuilder.Command("slow"));

        var dispatch = dispatcher.DispatchAsync(interaction, Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        var deferral = await rig.WaitForAsync(FakeInteractionRoute.Callback, interaction.Id);
        command.Release.SetResult(CommandResponse.Error("feed not found"));
        await dispatch.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        Assert.False(deferral.Body.TryGetProperty("data", out _));
        var edit = Assert.Single(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.EditOriginal);
        Assert.Equal("Answered privately.", edit.Body.GetProperty("content").GetString());
        Assert.DoesNotContain("feed not found", edit.Body.GetRawText(), StringComparison.Ordinal);
        var followup = Assert.Single(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.Followup);
        Assert.Equal(64, followup.Body.GetProperty("flags").GetInt32());
        Assert.Equal("feed not found", followup.Body.GetProperty("content").GetString());
    }

    [Fact]
    public async Task DisposeAsync_WhenBackgroundHandlerIgnoresCancellation_StopsWaitingAfterFiveSecondsAndLogs()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new UncooperativeCommand();
        var log = new CapturingLogger<InteractionDispatcher>();
        var dispatcher = new InteractionDispatcher(
            new CommandCatalog([command], []), rig.Api, rig.Time, Options.Create(new InteractionDispatcherOptions { AcknowledgeAfter = TimeSpan.FromSeconds(2) }), log);
        var interaction = rig.Issue(InteractionBuilder.Command("stuck"));
        var acknowledged = dispatcher.AcknowledgeAsync(interaction, rig.Time.GetTimestamp(), Task.CompletedTask, Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, (await acknowledged.WaitAsync(InteractionTestRig.SignalTimeout, Ct))?.Type);

        var dispose = dispatcher.DisposeAsync().AsTask();
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        await dispose.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        Assert.Contains(log.Entries, e => e.EventId == 3113 && e.Text.Contains("no longer waiting", StringComparison.Ordinal));
        command.Release.SetResult(CommandResponse.Message("too late"));
    }

    [Fact]
    public async Task Dispatch_WhenHandlerIsFast_SendsAllowedMentionsThatPingNobody()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([new EchoCommand()]);
        var interaction = rig.Issue(InteractionBuilder.Command("echo", InteractionBuilder.Option("text", ApplicationCommandOptionType.String, "@everyone")));

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var data = Assert.Single(rig.Server.InteractionRequests).Body.GetProperty("data");
        Assert.Equal("""{"parse":[]}""", data.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task Dispatch_WhenAnswerArrivesLate_EditAndFollowupCarryAllowedMentionsThatPingNobody()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand();
        var dispatcher = rig.CreateDispatcher([command]);
        var interaction = rig.Issue(InteractionBuilder.Command("slow"));

        var dispatch = dispatcher.DispatchAsync(interaction, Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        await rig.WaitForAsync(FakeInteractionRoute.Callback, interaction.Id);
        command.Release.SetResult(CommandResponse.Error("@everyone not allowed"));
        await dispatch.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var edit = Assert.Single(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.EditOriginal);
        var followup = Assert.Single(rig.Server.InteractionRequests, r => r.Route == FakeInteractionRoute.Followup);
        Assert.Equal("""{"parse":[]}""", edit.Body.GetProperty("allowed_mentions").GetRawText());
        Assert.Equal("""{"parse":[]}""", followup.Body.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task Dispatch_WhenSlowCommandIsEphemeral_DefersWithEphemeralFlag()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var command = new GatedCommand(ephemeral: true);
        var dispatcher = rig.CreateDispatcher([command]);
        var interaction = rig.Issue(InteractionBuilder.Command("slow"));

        var dispatch = dispatcher.DispatchAsync(interaction, Ct);
        await command.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        var deferral = await rig.WaitForAsync(FakeInteractionRoute.Callback, interaction.Id);
        command.Release.SetResult(CommandResponse.Message("secret", ephemeral: true));
        await dispatch.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        Assert.Equal(5, deferral.CallbackType);
        Assert.Equal(64, deferral.Body.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Dispatch_WhenHandlerThrows_SendsEphemeralErrorWithoutLeakingException()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([new ThrowingCommand()]);
        var interaction = rig.Issue(InteractionBuilder.Command("boom"));

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var callback = Assert.Single(rig.Server.InteractionRequests);
        Assert.Equal(4, callback.CallbackType);
        var data = callback.Body.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Contains("went wrong", data.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("database", data.GetProperty("content").GetString(), StringComparison.Ordinal);
        var logged = Assert.Single(rig.DispatcherLog.Entries, l => l.EventId == 3101);
        Assert.Contains("database is gone", logged.Text, StringComparison.Ordinal);
        Assert.All(rig.DispatcherLog.Entries, l => Assert.DoesNotContain(interaction.Token, l.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatch_WhenCommandUnknown_SendsEphemeralUnknownCommand()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([new EchoCommand()]);
        var interaction = rig.Issue(InteractionBuilder.Command("nope"));

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var data = Assert.Single(rig.Server.InteractionRequests).Body.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Contains("Unknown command /nope", data.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispatch_WhenAutocomplete_SendsAtMost25Choices()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([new TopicCommand()]);
        var interaction = rig.Issue(InteractionBuilder.Autocomplete("topic", InteractionBuilder.Option("name", ApplicationCommandOptionType.String, "ru", focused: true)));

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var callback = Assert.Single(rig.Server.InteractionRequests);
        Assert.Equal(8, callback.CallbackType);
        var choices = callback.Body.GetProperty("data").GetProperty("choices").EnumerateArray().ToList();
        Assert.Equal(25, choices.Count);
        Assert.False(callback.Body.GetProperty("data").TryGetProperty("allowed_mentions", out _));
        Assert.Equal("ru-1", choices[0].GetProperty("name").GetString());
        Assert.Equal("ru-1", choices[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Dispatch_WhenButtonPressed_RoutesToLongestMatchingPrefix()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([], [new DigestButtonHandler(), new MoreButtonHandler()]);
        var more = rig.Issue(InteractionBuilder.Button("digest:more:3"));
        var other = rig.Issue(InteractionBuilder.Button("digest:hide"));

        await dispatcher.DispatchAsync(more, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        await dispatcher.DispatchAsync(other, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var update = Assert.Single(rig.Server.InteractionRequests, r => r.InteractionId == more.Id);
        Assert.Equal(7, update.CallbackType);
        Assert.Equal("page 3", update.Body.GetProperty("data").GetProperty("content").GetString());
        var message = Assert.Single(rig.Server.InteractionRequests, r => r.InteractionId == other.Id);
        Assert.Equal(4, message.CallbackType);
        Assert.Equal("digest digest:hide", message.Body.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Dispatch_WhenButtonHasNoHandler_SendsEphemeralError()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([], [new MoreButtonHandler()]);
        var interaction = rig.Issue(InteractionBuilder.Button("legacy:1"));

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var data = Assert.Single(rig.Server.InteractionRequests).Body.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Dispatch_WithGatewayPayload_DeserializesAndAnswers()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([new EchoCommand()]);
        rig.Server.IssueInteraction(1234567890123456789, "gw-token");
        using var payload = JsonDocument.Parse("""
            {"id":"1234567890123456789","application_id":"4242","type":2,"token":"gw-token","guild_id":"777","channel_id":"888",
             "member":{"user":{"id":"1","username":"tester"},"permissions":"2147483648"},
             "data":{"id":"55","name":"echo","type":1,"options":[{"name":"text","type":3,"value":"from gateway"}]}}
            """);

        await dispatcher.DispatchAsync(payload.RootElement, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var callback = Assert.Single(rig.Server.InteractionRequests);
        Assert.Equal(1234567890123456789UL, callback.InteractionId);
        Assert.Equal("echo: from gateway", callback.Body.GetProperty("data").GetProperty("content").GetString());
    }
}
