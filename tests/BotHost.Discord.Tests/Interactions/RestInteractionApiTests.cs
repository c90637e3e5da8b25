using System.Net;
using BotHost.Discord.Interactions.Api;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Tests.Interactions;

public sealed class RestInteractionApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly InteractionResponse Message = new(InteractionCallbackType.ChannelMessageWithSource, new InteractionCallbackData { Content = "hi" });

    [Fact]
    public async Task CreateResponse_WhenAlreadyAcknowledged_ThrowsWithCode40060()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        rig.Server.IssueInteraction(10, "token-10");
        await rig.Api.CreateResponseAsync(10, "token-10", Message, Ct);

        var error = await Assert.ThrowsAsync<InteractionApiException>(() => rig.Api.CreateResponseAsync(10, "token-10", Message, Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(InteractionApiException.AlreadyAcknowledged, error.DiscordCode);
        Assert.DoesNotContain("token-10", error.Message, StringComparison.Ordinal);
        var callbacks = rig.Server.InteractionRequests.Where(r => r.Route == Testing.FakeDiscord.FakeInteractionRoute.Callback).ToList();
        Assert.Equal([204, 400], callbacks.Select(r => r.Status));
        Assert.Equal([null, InteractionApiException.AlreadyAcknowledged], callbacks.Select(r => r.ErrorCode));
    }

    [Fact]
    public async Task CreateResponse_AfterThreeSecondWindow_ThrowsUnknownInteraction()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        rig.Server.IssueInteraction(11, "token-11");
        rig.Time.Advance(TimeSpan.FromMilliseconds(3001));

        var error = await Assert.ThrowsAsync<InteractionApiException>(() => rig.Api.CreateResponseAsync(11, "token-11", Message, Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Equal(InteractionApiException.UnknownInteraction, error.DiscordCode);
    }

    [Fact]
    public async Task CreateFollowup_AfterAcknowledgement_IsRecordedWithoutBotToken()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        rig.Server.IssueInteraction(12, "token-12");
        await rig.Api.CreateResponseAsync(12, "token-12", new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), Ct);

        await rig.Api.CreateFollowupAsync(InteractionBuilder.ApplicationId, "token-12", new InteractionCallbackData { Content = "more", Flags = MessageFlags.Ephemeral }, Ct);

        var followup = Assert.Single(rig.Server.InteractionRequests, r => r.Route == Testing.FakeDiscord.FakeInteractionRoute.Followup);
        Assert.Equal("more", followup.Body.GetProperty("content").GetString());
        Assert.Equal(64, followup.Body.GetProperty("flags").GetInt32());
        Assert.Null(followup.Authorization);
    }

    [Fact]
    public async Task BulkOverwrite_ReturnsCommandsWithIds()
    {
        await using var rig = await InteractionTestRig.StartAsync();

        var registered = await rig.Api.BulkOverwriteGuildCommandsAsync(
            InteractionBuilder.ApplicationId, 555, [new ApplicationCommandDefinition { Name = "digest", Description = "Shows the digest" }], Ct);

        var command = Assert.Single(registered);
        Assert.Equal("digest", command.Name);
        Assert.NotEqual(0UL, command.Id);
        Assert.Equal(555UL, command.GuildId);
        Assert.Equal(InteractionBuilder.ApplicationId, command.ApplicationId);
    }
}
