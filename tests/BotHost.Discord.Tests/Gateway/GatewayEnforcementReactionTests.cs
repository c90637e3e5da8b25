using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Gateway;

/// <summary>
/// How the client behaves against a fake gateway that enforces Discord's rules: it resumes on resume_gateway_url,
/// stays under the send limit, identifies afresh after 4007 and after a server-side zombie close, and never
/// exceeds max_concurrency.
/// </summary>
public sealed class GatewayEnforcementReactionTests
{
    private static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Resume_ConnectsToResumeGatewayUrl_WhileANewSessionUsesTheGatewayUrl()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.SendReconnectAsync();
        await harness.Dispatches.WaitForEventAsync("RESUMED");
        await harness.Gateway.SendInvalidSessionAsync(resumable: false);
        await harness.Logs.WaitForAsync("Waiting");
        harness.Time.Advance(IdentifyWindow);
        await harness.Dispatches.WaitForEventAsync("READY", count: 2);

        Assert.Equal(["/", FakeGateway.ResumePath, "/"], harness.Gateway.ConnectionPaths);
        Assert.All(harness.Gateway.ConnectionQueries, q => Assert.Equal("?v=10&encoding=json", q));
        Assert.Empty(harness.Gateway.ServerCloseCodes);
    }

    [Fact]
    public async Task Heartbeats_WhenServerAsksFarMoreThan120TimesAMinute_StayUnderTheLimitInsteadOfBeingClosedWith4008()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        for (var i = 0; i < 130; i++)
        {
            await harness.Gateway.RequestHeartbeatAsync();
        }

        // IDENTIFY was one of the 120 payloads this window allows; the client logs once it waits for room.
        await harness.Gateway.WaitUntilAsync(g => g.HeartbeatCount == 119);
        await harness.Logs.WaitForAsync("Gateway send limit (120 payloads per 60 s) reached");
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        await harness.Gateway.WaitUntilAsync(g => g.HeartbeatCount >= 130);

        Assert.Empty(harness.Gateway.ServerCloseCodes);
        Assert.Equal(1, harness.Gateway.ConnectionCount);
        var frames = harness.Gateway.Frames;
        Assert.All(frames, f => Assert.True(frames.Count(o => o.ReceivedAt > f.ReceivedAt - TimeSpan.FromSeconds(60) && o.ReceivedAt <= f.ReceivedAt) <= 120));
        Assert.Equal(119, harness.Gateway.Heartbeats.Count(h => h.ReceivedAt == harness.Start));
    }

    [Fact]
    public async Task Resume_WhenServerRejectsTheSequenceWith4007_IdentifiesANewSession()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();
        var latest = await harness.Gateway.SendDispatchAsync("MESSAGE_CREATE", """{"id":"1"}""");
        await harness.Dispatches.WaitUntilAsync(seen => seen.Any(d => d.Sequence == latest));
        harness.Gateway.ForgetEventsAfter(1);

        await harness.Gateway.SendReconnectAsync();
        await harness.Gateway.WaitUntilAsync(g => g.ServerCloseCodes.Count == 1);
        await harness.Logs.WaitForAsync("Waiting");
        harness.Time.Advance(IdentifyWindow);
        await harness.Dispatches.WaitForEventAsync("READY", count: 2);

        Assert.Equal([4007], harness.Gateway.ServerCloseCodes);
        Assert.Equal(latest, harness.Gateway.Resumes.Single().GetProperty("seq").GetInt64());
        Assert.Equal(2, harness.Gateway.IdentifyCount);
        Assert.Equal(0, harness.Gateway.ConcurrencyRejections);
    }

    [Fact]
    public async Task ServerClosesAZombieConnection_ClientIdentifiesANewSessionWithinMaxConcurrency()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Gateway.IgnoreHeartbeats = true;
        harness.Gateway.HeartbeatTimeout = GatewayHarness.HeartbeatInterval;
        await harness.StartReadyAsync();

        // The server's deadline (HELLO + 1 s) comes before the client's own zombie check (first beat + 1 s).
        harness.Time.Advance(GatewayHarness.HeartbeatInterval);
        await harness.Gateway.WaitUntilAsync(g => g.ServerCloseCodes.Count == 1);
        await harness.Logs.WaitForAsync("Waiting");
        harness.Time.Advance(IdentifyWindow - GatewayHarness.HeartbeatInterval);
        await harness.Dispatches.WaitForEventAsync("READY", count: 2);

        Assert.Equal([4009], harness.Gateway.ServerCloseCodes);
        Assert.DoesNotContain(4000, harness.Gateway.ClientCloseCodes);
        Assert.Equal(0, harness.Gateway.ConcurrencyRejections);
        var identifies = harness.Gateway.Frames.Where(f => f.Op == 2).ToList();
        Assert.Equal(harness.Start + IdentifyWindow, identifies[1].ReceivedAt);
    }

    [Fact]
    public async Task Identify_WhenSessionEndsRightAfterReady_WaitsOutTheIdentifyWindowInsteadOfBeingRefused()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.CloseAsync(4009);
        await harness.Logs.WaitForAsync("Waiting 00:00:05");
        var connectionsDuringWait = harness.Gateway.ConnectionCount;
        harness.Time.Advance(IdentifyWindow);
        await harness.Dispatches.WaitForEventAsync("READY", count: 2);

        Assert.Equal(1, connectionsDuringWait);
        Assert.Equal(0, harness.Gateway.ConcurrencyRejections);
        Assert.Equal(harness.Start + IdentifyWindow, harness.Gateway.Frames.Where(f => f.Op == 2).Last().ReceivedAt);
    }
}
