using BotHost.Discord.Gateway;

namespace BotHost.Discord.Tests.Gateway;

public sealed class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(4000, CloseAction.Resume)]
    [InlineData(4001, CloseAction.Resume)]
    [InlineData(4002, CloseAction.Resume)]
    [InlineData(4003, CloseAction.Resume)]
    [InlineData(4005, CloseAction.Resume)]
    [InlineData(4008, CloseAction.Resume)]
    [InlineData(1001, CloseAction.Resume)]
    [InlineData(4007, CloseAction.NewSession)]
    [InlineData(4009, CloseAction.NewSession)]
    [InlineData(4004, CloseAction.Fatal)]
    [InlineData(4010, CloseAction.Fatal)]
    [InlineData(4011, CloseAction.Fatal)]
    [InlineData(4012, CloseAction.Fatal)]
    [InlineData(4013, CloseAction.Fatal)]
    [InlineData(4014, CloseAction.Fatal)]
    internal void Classify_FollowsDiscordsCloseCodeTable(int code, CloseAction expected)
    {
        var action = GatewayCloseCodes.Classify(code);

        Assert.Equal(expected, action);
    }

    [Fact]
    public void Build_AddsVersionAndEncodingToABareGatewayUrl()
    {
        var uri = GatewayUris.Build("wss://gateway.example.test", "test");

        Assert.Equal("wss://gateway.example.test/?v=10&encoding=json", uri.ToString());
    }

    [Fact]
    public void Build_WhenUrlIsNotAWebSocketUrl_NamesTheSettingToFix()
    {
        var error = Assert.Throws<GatewayConfigurationException>(() => GatewayUris.Build("https://example.test", "Discord:GatewayUrl"));

        Assert.Contains("Discord:GatewayUrl", error.Message, StringComparison.Ordinal);
    }
}
