namespace BotHost.Discord.Tests.Gateway;

public sealed class GatewayResumeTests
{
    private const string Message = """{"id":"1","content":"hi"}""";

    /// <summary>Covers Discord's identify bucket (5 s) and the 1–5 s wait after op 9 false.</summary>
    private static readonly TimeSpan IdentifyWait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Resume_AfterAbruptDrop_HandsEachDispatchToTheConsumerExactlyOnce()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();
        await harness.Gateway.SendDispatchAsync("MESSAGE_CREATE", Message);
        var handled = await harness.Gateway.SendDispatchAsync("MESSAGE_CREATE", Message);
        await harness.Dispatches.WaitUntilAsync(seen => seen.Any(d => d.Sequence == handled));
        harness.Gateway.DeliverLive = false;
        harness.Gateway.ResumeReplayOverlap = 2;
        await harness.Gateway.SendDispatchAsync("MESSAGE_CREATE", Message);
        await harness.Gateway.SendDispatchAsync("INTERACTION_CREATE", """{"id":"7","type":2}""");
        await harness.Gateway.SendDispatchAsync("MESSAGE_CREATE", Message);

        harness.Gateway.Drop();
        await harness.Dispatches.WaitForEventAsync("RESUMED");
        harness.Gateway.DeliverLive = true;
        var live = await harness.Gateway.SendDispatchAsync("GUILD_CREATE", """{"id":"42"}""");
        await harness.Dispatches.WaitUntilAsync(seen => seen.Any(d => d.Sequence == live));

        var sequences = harness.Dispatches.Seen.Select(d => d.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), sequences);
        Assert.Equal(["READY", "MESSAGE_CREATE", "MESSAGE_CREATE", "MESSAGE_CREATE", "INTERACTION_CREATE", "MESSAGE_CREATE", "RESUMED", "GUILD_CREATE"],
            harness.Dispatches.Seen.Select(d => d.EventName));
        Assert.Equal("7", harness.Dispatches.Seen[4].Data.GetProperty("id").GetString());
        Assert.Equal(handled, harness.Gateway.Resumes.Single().GetProperty("seq").GetInt64());
        Assert.Equal(2, harness.Logs.Lines.Count(l => l.Contains("already handled", StringComparison.Ordinal)));
        Assert.Equal(1, harness.Gateway.IdentifyCount);
    }

    [Theory]
    [InlineData("op 7 reconnect")]
    [InlineData("op 9 resumable")]
    public async Task ServerRequest_WhenAskingToReconnect_ResumesTheSessionWithoutIdentifying(string request)
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        await (request == "op 7 reconnect" ? harness.Gateway.SendReconnectAsync() : harness.Gateway.SendInvalidSessionAsync(resumable: true));
        await harness.Dispatches.WaitForEventAsync("RESUMED");

        Assert.Equal(1, harness.Gateway.IdentifyCount);
        Assert.Equal(1, harness.Gateway.ResumeCount);
        Assert.Equal([4000], harness.Gateway.ClientCloseCodes);
        Assert.Equal(2, harness.Gateway.ConnectionCount);
    }

    [Fact]
    public async Task InvalidSession_WhenNotResumable_IdentifiesANewSessionOnlyAfterTheWait()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.SendInvalidSessionAsync(resumable: false);
        // The log line comes after the wait's timer is armed and before the client waits on it.
        await harness.Logs.WaitForAsync("before the next gateway connection");
        var identifiesWhenWaiting = harness.Gateway.IdentifyCount;
        harness.Time.Advance(IdentifyWait);
        await harness.Dispatches.WaitForEventAsync("READY", count: 2);

        Assert.Equal(1, identifiesWhenWaiting);
        // The identify window (5 s since the first identify) outlasts the random 1-5 s after op 9 (2 s with jitter 0.25).
        Assert.Equal(["00:00:05"], harness.LoggedWaits());
        Assert.Equal([harness.Start, harness.Start + IdentifyWait], harness.IdentifyTimes());
        Assert.Equal(2, harness.Gateway.IdentifyCount);
        Assert.Equal(0, harness.Gateway.ResumeCount);
        Assert.Equal(0, harness.Gateway.ConcurrencyRejections);
        Assert.Equal([1000], harness.Gateway.ClientCloseCodes);
        Assert.Equal("session-2", harness.Dispatches.Seen[^1].Data.GetProperty("session_id").GetString());
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    public async Task Close_WhenCodeIsResumable_ResumesTheSession(int code)
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.CloseAsync(code);
        await harness.Dispatches.WaitForEventAsync("RESUMED");

        Assert.Equal(1, harness.Gateway.IdentifyCount);
        Assert.Equal(1, harness.Gateway.ResumeCount);
        Assert.Equal("session-1", harness.Gateway.Resumes[0].GetProperty("session_id").GetString());
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Close_WhenSessionIsGone_IdentifiesANewSession(int code)
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.CloseAsync(code);
        await harness.Logs.WaitForAsync("before the next gateway connection");
        harness.Time.Advance(IdentifyWait);
        await harness.Dispatches.WaitForEventAsync("READY", count: 2);

        Assert.Equal(2, harness.Gateway.IdentifyCount);
        Assert.Equal(0, harness.Gateway.ResumeCount);
        Assert.Equal(["00:00:05"], harness.LoggedWaits());
        Assert.Equal([harness.Start, harness.Start + IdentifyWait], harness.IdentifyTimes());
        Assert.Equal(0, harness.Gateway.ConcurrencyRejections);
    }

    [Theory]
    [InlineData("socket dropped")]
    [InlineData("op 7 reconnect")]
    [InlineData("heartbeat ACK missed")]
    public async Task Resume_AfterEachKindOfDisruption_HandsEveryDispatchExactlyOnce(string disruption)
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Gateway.AckHeartbeats = disruption != "heartbeat ACK missed";
        await harness.StartReadyAsync();
        var handled = await harness.Gateway.SendDispatchAsync("MESSAGE_CREATE", Message);
        await harness.Dispatches.WaitUntilAsync(seen => seen.Any(d => d.Sequence == handled));
        harness.Gateway.DeliverLive = false;
        harness.Gateway.ResumeReplayOverlap = 1;
        await harness.Gateway.SendDispatchAsync("INTERACTION_CREATE", """{"id":"9","type":2}""");
        await harness.Gateway.SendDispatchAsync("MESSAGE_CREATE", Message);

        switch (disruption)
        {
            case "socket dropped":
                harness.Gateway.Drop();
                break;
            case "op 7 reconnect":
                await harness.Gateway.SendReconnectAsync();
                break;
            default:
                harness.Time.Advance(GatewayHarness.HeartbeatInterval * GatewayHarness.Jitter);
                await harness.Gateway.WaitUntilAsync(g => g.HeartbeatCount == 1);
                harness.Time.Advance(GatewayHarness.HeartbeatInterval);
                break;
        }

        await harness.Dispatches.WaitForEventAsync("RESUMED");
        harness.Gateway.AckHeartbeats = true;
        harness.Gateway.DeliverLive = true;
        var live = await harness.Gateway.SendDispatchAsync("GUILD_CREATE", """{"id":"42"}""");
        await harness.Dispatches.WaitUntilAsync(seen => seen.Any(d => d.Sequence == live));

        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), harness.Dispatches.Seen.Select(d => d.Sequence));
        Assert.Equal(["READY", "MESSAGE_CREATE", "INTERACTION_CREATE", "MESSAGE_CREATE", "RESUMED", "GUILD_CREATE"],
            harness.Dispatches.Seen.Select(d => d.EventName));
        Assert.Equal(1, harness.Gateway.IdentifyCount);
        Assert.Equal(1, harness.Gateway.ResumeCount);
        Assert.Equal(handled, harness.Gateway.Resumes.Single().GetProperty("seq").GetInt64());
        Assert.Empty(harness.Gateway.ServerCloseCodes);
    }
}
