using System.Net.WebSockets;
using BotHost.Discord.Tests.Gateway;

namespace BotHost.Discord.Tests.Faults;

/// <summary>
/// Issue 13's Discord fault suite, gateway half: a socket dropped in the middle of a burst of dispatches, and a
/// run of invalid sessions. Every dispatch reaches the consumer once, and reconnects are paced, never a tight loop.
/// </summary>
public sealed class DiscordGatewayFaultTests
{
    private static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task DropMidDispatch_ResumesAndHandsEachOfTheBurstToTheConsumerExactlyOnce()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Gateway.ResumeReplayOverlap = 3;
        await harness.StartReadyAsync();

        for (var i = 1; i <= 30; i++)
        {
            if (i == 12)
            {
                harness.Gateway.Drop();
            }

            try
            {
                await harness.Gateway.SendDispatchAsync("MESSAGE_CREATE", $$"""{"id":"{{i}}"}""");
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                // The socket is gone; the event stays in the session and is replayed on resume.
            }
        }

        await harness.Dispatches.WaitForEventAsync("RESUMED");
        var live = await harness.Gateway.SendDispatchAsync("GUILD_CREATE", """{"id":"42"}""");
        await harness.Dispatches.WaitUntilAsync(seen => seen.Any(d => d.Sequence == live));

        var seen = harness.Dispatches.Seen;
        Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => (long)i), seen.Select(d => d.Sequence));
        Assert.Equal(Enumerable.Range(1, 30).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            seen.Where(d => d.EventName == "MESSAGE_CREATE").Select(d => d.Data.GetProperty("id").GetString()));
        Assert.Equal((1, 1, 2), (harness.Gateway.IdentifyCount, harness.Gateway.ResumeCount, harness.Gateway.ConnectionCount));
        Assert.Empty(harness.Gateway.ServerCloseCodes);
    }

    [Fact]
    public async Task InvalidSessionRun_IdentifiesAgainEachTimeButOnlyOncePerIdentifyWindow()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        for (var round = 1; round <= 3; round++)
        {
            await harness.Gateway.SendInvalidSessionAsync(resumable: false);
            // The client arms its wait before its close frame goes out, so once the fake has the frame the timer exists.
            // The advance may also pass the 5 s deadline of the close the client is still finishing; it must cope.
            await harness.Gateway.WaitUntilAsync(g => g.ClientCloseCodes.Count == round);
            var connectionsWhileWaiting = harness.Gateway.ConnectionCount;
            harness.Time.Advance(IdentifyWindow);
            await harness.Dispatches.WaitForEventAsync("READY", count: round + 1);

            Assert.Equal(round, connectionsWhileWaiting);
        }

        Assert.Equal(Enumerable.Range(0, 4).Select(i => harness.Start + (IdentifyWindow * i)), harness.IdentifyTimes());
        Assert.Equal(["00:00:05", "00:00:05", "00:00:05"], harness.LoggedWaits());
        Assert.Equal(0, harness.Gateway.ConcurrencyRejections);
        Assert.Equal(0, harness.Gateway.ResumeCount);
        Assert.Equal(4, harness.Gateway.ConnectionCount);
    }
}
