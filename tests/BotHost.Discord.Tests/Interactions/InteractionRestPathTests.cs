using System.Net;
using System.Text.Json;
using BotHost.Discord.Interactions.Api;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Models;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>
/// Issue 10's rule: interaction calls and command registration go through the REST client's rate limiting
/// (buckets, 429s, invalid-request counter, global limit with the callback/webhook exemption), and replies are
/// checked against Discord's limits before anything is sent.
/// </summary>
public sealed class InteractionRestPathTests
{
    private static readonly InteractionResponse Hello = new(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData { Content = "hi" });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateResponse_When429_WaitsRetryAfterOnTheClientClockThenAcknowledgesOnce()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        rig.Server.IssueInteraction(10, "t10");
        rig.Server.Rest.Faults.RateLimitNext(TimeSpan.FromMilliseconds(500));

        var send = rig.Api.CreateResponseAsync(10, "t10", Hello, Ct);
        await rig.RestLog.WaitForAsync("429 on POST /interactions/{interaction_id}/{interaction_token}/callback").WaitAsync(Ct);
        await rig.RestLog.WaitForAsync("is exhausted; waiting").WaitAsync(Ct);
        rig.Time.Advance(TimeSpan.FromMilliseconds(500));
        await send.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var callbacks = rig.Server.InteractionRequests;
        Assert.Equal([429, 204], callbacks.Select(r => r.Status));
        Assert.Equal(TimeSpan.FromMilliseconds(500), callbacks[1].At - callbacks[0].At);
        Assert.Equal(1, rig.Rest.InvalidRequestCount);
        Assert.All(callbacks, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task CallbacksAndFollowups_WhileTheGlobalLimitIsExhausted_AreSentAtOnce_ButRegistrationWaits()
    {
        await using var rig = await InteractionTestRig.StartAsync(configureRest: o => o.GlobalRequestsPerSecond = 1);
        rig.Server.IssueInteraction(11, "t11");
        await rig.Rest.GetCurrentApplicationAsync(Ct);

        var registration = rig.Api.BulkOverwriteGlobalCommandsAsync(InteractionBuilder.ApplicationId, [], Ct);
        await rig.Api.CreateResponseAsync(11, "t11", new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        await rig.Api.CreateFollowupAsync(InteractionBuilder.ApplicationId, "t11", new InteractionCallbackData { Content = "more" }, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        var registeredBeforeTheWindowEnded = registration.IsCompleted;
        rig.Time.Advance(TimeSpan.FromSeconds(1) + rig.RestOptions.GlobalWindowMargin);
        await registration.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        Assert.False(registeredBeforeTheWindowEnded);
        Assert.Equal(
            [FakeInteractionRoute.Callback, FakeInteractionRoute.Followup, FakeInteractionRoute.GlobalCommands],
            rig.Server.InteractionRequests.Select(r => r.Route));
        Assert.Equal(0, rig.Server.Rest.RateLimitedCount);
    }

    [Fact]
    public async Task CreateResponse_When401_DoesNotStopBotTokenRequests()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        rig.Server.IssueInteraction(12, "t12");
        rig.Server.Rest.Faults.FailNext(1, 401, "/callback");

        var error = await Assert.ThrowsAsync<InteractionApiException>(() => rig.Api.CreateResponseAsync(12, "t12", Hello, Ct));
        var application = await rig.Rest.GetCurrentApplicationAsync(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.IsType<Discord.Rest.DiscordHttpException>(error.InnerException);
        Assert.Equal(rig.Server.Rest.Options.ApplicationId, application.Id);
        Assert.Equal(1, rig.Rest.InvalidRequestCount);
    }

    [Fact]
    public async Task EditOriginal_When502AfterCommit_IsRetriedBecauseAnEditIsSafeToRepeat()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        rig.Server.IssueInteraction(13, "t13");
        await rig.Api.CreateResponseAsync(13, "t13", new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), Ct);
        rig.Server.Rest.Faults.FailAfterCommitNext(1, 502, "@original");

        var edit = rig.Api.EditOriginalResponseAsync(InteractionBuilder.ApplicationId, "t13", new InteractionCallbackData { Content = "done" }, Ct);
        await rig.RestLog.WaitForAsync("failed (502); retry 1 of 3").WaitAsync(Ct);
        rig.Time.Advance(rig.RestOptions.RetryBaseDelay);
        await edit.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        Assert.Equal([502, 200], rig.Server.InteractionRequests.Where(r => r.Route == FakeInteractionRoute.EditOriginal).Select(r => r.Status));
    }

    [Theory]
    [InlineData("content over 2000", "data.content")]
    [InlineData("26 choices", "data.choices")]
    [InlineData("choice name over 100", "data.choices[0].name")]
    [InlineData("modal title over 45", "data.title")]
    [InlineData("modal without components", "data.components")]
    [InlineData("embed title over 256", "data.embeds[0].title")]
    [InlineData("embeds over 6000 in total", "data.embeds")]
    [InlineData("six action rows", "data.components")]
    [InlineData("defer with SUPPRESS_EMBEDS", "data.flags")]
    [InlineData("empty message", "data.content")]
    public async Task CreateResponse_WhenReplyBreaksADiscordLimit_ThrowsNamingTheFieldAndSendsNothing(string reply, string field)
    {
        await using var rig = await InteractionTestRig.StartAsync();
        rig.Server.IssueInteraction(14, "t14");

        var error = await Assert.ThrowsAsync<DiscordValidationException>(() => rig.Api.CreateResponseAsync(14, "t14", BadReply(reply), Ct));

        Assert.Equal(field, error.FieldPath);
        Assert.Equal(0, rig.Server.Rest.TotalRequests);
    }

    [Fact]
    public async Task FollowupAndEdit_WhenMessageBreaksADiscordLimit_ThrowNamingTheFieldAndSendNothing()
    {
        await using var rig = await InteractionTestRig.StartAsync();

        var followup = await Assert.ThrowsAsync<DiscordValidationException>(() =>
            rig.Api.CreateFollowupAsync(InteractionBuilder.ApplicationId, "t15", new InteractionCallbackData { Content = new string('x', 2001) }, Ct));
        var empty = await Assert.ThrowsAsync<DiscordValidationException>(() =>
            rig.Api.CreateFollowupAsync(InteractionBuilder.ApplicationId, "t15", new InteractionCallbackData(), Ct));
        var edit = await Assert.ThrowsAsync<DiscordValidationException>(() =>
            rig.Api.EditOriginalResponseAsync(InteractionBuilder.ApplicationId, "t15", new InteractionCallbackData { Embeds = [Embed(new string('t', 257))] }, Ct));

        Assert.Equal(["content", "content", "embeds[0].title"], [followup.FieldPath, empty.FieldPath, edit.FieldPath]);
        Assert.Equal(0, rig.Server.Rest.TotalRequests);
    }

    [Fact]
    public async Task Dispatch_WhenHandlerAnswerBreaksALimit_AnswersWithAnEphemeralErrorInstead()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        var dispatcher = rig.CreateDispatcher([new EchoCommand()]);
        var interaction = rig.Issue(InteractionBuilder.Command("echo", InteractionBuilder.Option("text", ApplicationCommandOptionType.String, new string('x', 2000))));

        await dispatcher.DispatchAsync(interaction, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var callback = Assert.Single(rig.Server.InteractionRequests);
        Assert.True(callback.IsAccepted);
        Assert.Equal(64, callback.Body.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("did not fit Discord's limits", callback.Body.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        var logged = Assert.Single(rig.DispatcherLog.Entries, e => e.EventId == 3114);
        Assert.Contains("content", logged.Text, StringComparison.Ordinal);
    }

    private static InteractionResponse BadReply(string reply) => reply switch
    {
        "content over 2000" => Message(new InteractionCallbackData { Content = new string('x', 2001) }),
        "26 choices" => new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new InteractionCallbackData
        {
            Choices = [.. Enumerable.Range(0, 26).Select(i => ApplicationCommandOptionChoice.Of($"c{i}", $"v{i}"))],
            AllowedMentions = null,
        }),
        "choice name over 100" => new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new InteractionCallbackData
        {
            Choices = [ApplicationCommandOptionChoice.Of(new string('n', 101), "v")],
            AllowedMentions = null,
        }),
        "modal title over 45" => CommandResponse.Modal("m", new string('t', 46), [Row()]).ToInitialResponse(),
        "modal without components" => CommandResponse.Modal("m", "Title", []).ToInitialResponse(),
        "embed title over 256" => Message(new InteractionCallbackData { Embeds = [Embed(new string('t', 257))] }),
        "embeds over 6000 in total" => Message(new InteractionCallbackData { Embeds = [.. Enumerable.Range(0, 2).Select(_ => Embed("t", new string('d', 3500)))] }),
        "six action rows" => Message(new InteractionCallbackData { Content = "x", Components = [.. Enumerable.Range(0, 6).Select(_ => Row())] }),
        "defer with SUPPRESS_EMBEDS" => new(InteractionCallbackType.DeferredChannelMessageWithSource, new InteractionCallbackData { Flags = MessageFlags.SuppressEmbeds, AllowedMentions = null }),
        _ => Message(new InteractionCallbackData()),
    };

    private static InteractionResponse Message(InteractionCallbackData data) => new(InteractionCallbackType.ChannelMessageWithSource, data);

    private static JsonElement Embed(string title, string? description = null)
        => JsonSerializer.SerializeToElement(new Dictionary<string, string?> { ["title"] = title, ["description"] = description });

    private static JsonElement Row()
        => JsonDocument.Parse("""{"type":1,"components":[{"type":2,"style":1,"label":"ok","custom_id":"ok"}]}""").RootElement.Clone();
}
