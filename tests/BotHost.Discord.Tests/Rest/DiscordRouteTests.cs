using BotHost.Discord.Rest;

namespace BotHost.Discord.Tests.Rest;

public sealed class DiscordRouteTests
{
    [Fact]
    public void Create_WhenChannelRoute_UsesChannelIdAsMajorParameter()
    {
        var route = DiscordRoute.Create(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", "10", "20");

        Assert.Equal("/channels/10/messages/20", route.Path);
        Assert.Equal("10", route.MajorParameter);
        Assert.False(route.IsGlobalExempt);
    }

    [Fact]
    public void Create_WhenWebhookRouteWithToken_UsesIdAndTokenAndIsGlobalExempt()
    {
        var route = DiscordRoute.Create(HttpMethod.Patch, "/webhooks/{application_id}/{token}/messages/@original", "7", "tok/en");

        Assert.Equal("/webhooks/7/tok%2Fen/messages/@original", route.Path);
        Assert.Equal("7/tok/en", route.MajorParameter);
        Assert.True(route.IsGlobalExempt);
    }

    [Fact]
    public void Create_WhenInteractionCallback_IsGlobalExempt()
    {
        var route = DiscordRoute.Create(HttpMethod.Post, "/interactions/{interaction_id}/{token}/callback", "1", "t");

        Assert.True(route.IsGlobalExempt);
        Assert.Equal("1", route.MajorParameter);
    }

    [Fact]
    public void Create_WhenValueCountDiffers_ThrowsNamingTheTemplate()
    {
        var error = Assert.Throws<ArgumentException>(() => DiscordRoute.Create(HttpMethod.Get, "/channels/{channel_id}", "1", "2"));

        Assert.Contains("/channels/{channel_id}", error.Message, StringComparison.Ordinal);
    }
}
