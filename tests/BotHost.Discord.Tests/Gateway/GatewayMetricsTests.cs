using System.Diagnostics.Metrics;
using BotHost.Discord.Gateway;
using BotHost.Testing.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Discord.Tests.Gateway;

public sealed class GatewayMetricsTests
{
    [Fact]
    public async Task Reconnect_IsCountedByHowTheNextConnectionStarts_AndConnectedFollowsTheSession()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        using var recorder = new MeasurementRecorder(GatewayMetrics.MeterName, harness.MeterServices.GetRequiredService<IMeterFactory>());

        await harness.StartReadyAsync();
        var connectedAfterReady = harness.Client.IsConnected;
        recorder.Observe();
        await harness.Gateway.SendReconnectAsync();
        await harness.Dispatches.WaitForEventAsync("RESUMED");
        var connectedAfterResume = harness.Client.IsConnected;
        await harness.Client.StopAsync(TestContext.Current.CancellationToken);
        recorder.Observe();

        Assert.True(connectedAfterReady);
        Assert.True(connectedAfterResume);
        Assert.False(harness.Client.IsConnected);
        Assert.Equal(1, recorder.Sum("bothost.discord.gateway.reconnects", ("next", "resume")));
        Assert.Equal(0, recorder.Sum("bothost.discord.gateway.reconnects", ("next", "identify")));
        Assert.Equal([1.0, 0.0], recorder.Of("bothost.discord.gateway.connected").Select(m => m.Value));
    }
}
