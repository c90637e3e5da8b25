namespace BotHost.Discord.Tests.Gateway;

/// <summary>An interaction's 3 s window runs from when its event was read, so each dispatch carries that moment.</summary>
public sealed class GatewayDispatchArrivalTests
{
    [Fact]
    public async Task Dispatch_CarriesTheClockReadingOfWhenItWasRead()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();
        harness.Time.Advance(TimeSpan.FromMilliseconds(1234));
        var readAt = harness.Time.GetTimestamp();

        var sequence = await harness.Gateway.SendDispatchAsync("INTERACTION_CREATE", """{"id":"7"}""");
        await harness.Dispatches.WaitUntilAsync(seen => seen.Any(d => d.Sequence == sequence));

        var dispatch = Assert.Single(harness.Dispatches.Seen, d => d.Sequence == sequence);
        Assert.Equal(readAt, dispatch.ReceivedAt);
        Assert.NotEqual(readAt, Assert.Single(harness.Dispatches.Seen, d => d.EventName == "READY").ReceivedAt);
    }
}
