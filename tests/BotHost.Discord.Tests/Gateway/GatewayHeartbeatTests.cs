namespace BotHost.Discord.Tests.Gateway;

public sealed class GatewayHeartbeatTests
{
    private static readonly TimeSpan Interval = GatewayHarness.HeartbeatInterval;
    private static readonly TimeSpan FirstBeat = Interval * GatewayHarness.Jitter;

    [Fact]
    public async Task Heartbeat_AfterHello_FirstBeatsAtJitteredIntervalThenEveryIntervalWithLastSequence()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        harness.Time.Advance(FirstBeat - TimeSpan.FromMilliseconds(1));
        var beatsBeforeDue = harness.Gateway.HeartbeatCount;
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        await harness.Gateway.WaitUntilAsync(g => g.HeartbeatCount == 1);
        var sequence = await harness.Gateway.SendDispatchAsync("MESSAGE_CREATE", """{"id":"10"}""");
        await harness.Dispatches.WaitUntilAsync(seen => seen.Any(d => d.Sequence == sequence));
        harness.Time.Advance(Interval);
        await harness.Gateway.WaitUntilAsync(g => g.HeartbeatCount == 2);

        Assert.Equal(0, beatsBeforeDue);
        var beats = harness.Gateway.Heartbeats;
        Assert.Equal(harness.Start + FirstBeat, beats[0].ReceivedAt);
        Assert.Equal(harness.Start + FirstBeat + Interval, beats[1].ReceivedAt);
        Assert.Equal(1, beats[0].Sequence);
        Assert.Equal(sequence, beats[1].Sequence);
    }

    [Fact]
    public async Task Heartbeat_WhenServerSendsOp1_BeatsAtOnceWithoutWaitingForTheTimer()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Gateway.RequestHeartbeatAsync();
        await harness.Gateway.WaitUntilAsync(g => g.HeartbeatCount == 1);

        Assert.Equal(harness.Start, harness.Gateway.Heartbeats[0].ReceivedAt);
        Assert.Equal(1, harness.Gateway.Heartbeats[0].Sequence);
    }

    [Fact]
    public async Task Heartbeat_WhenNoAckSincePreviousBeat_ClosesWithResumableCodeAndResumes()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Gateway.AckHeartbeats = false;
        await harness.StartReadyAsync();

        harness.Time.Advance(FirstBeat);
        await harness.Gateway.WaitUntilAsync(g => g.HeartbeatCount == 1);
        harness.Time.Advance(Interval);
        await harness.Gateway.WaitUntilAsync(g => g.ResumeCount == 1);
        await harness.Dispatches.WaitForEventAsync("RESUMED");

        Assert.Equal([4000], harness.Gateway.ClientCloseCodes);
        Assert.Equal(1, harness.Gateway.HeartbeatCount);
        Assert.Equal(1, harness.Gateway.IdentifyCount);
        var resume = harness.Gateway.Resumes[0];
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(1, resume.GetProperty("seq").GetInt64());
        Assert.Equal(GatewayHarness.Token, resume.GetProperty("token").GetString());
    }
}
