using BotHost.Discord.Gateway;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Gateway;

/// <summary>Discord:Gateway:KeepSessionOnStop: a restart resumes the kept session instead of identifying (issue 13).</summary>
public sealed class GatewaySessionKeepingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Restart_WithKeepSessionOnStop_ResumesOnTheResumeUrlAndReceivesWhatWasMissed()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Options.KeepSessionOnStop = true;
        await harness.StartReadyAsync();
        var handled = await harness.Gateway.SendDispatchAsync("MESSAGE_CREATE", """{"id":"1"}""");
        await harness.Dispatches.WaitUntilAsync(seen => seen.Any(d => d.Sequence == handled));

        await harness.Client.StopAsync(Ct);
        await harness.Gateway.WaitUntilAsync(g => !g.IsConnected);
        var kept = await harness.SessionStore.LoadAsync(Ct);
        var missed = await harness.Gateway.SendDispatchAsync("INTERACTION_CREATE", """{"id":"9"}""");
        await harness.RestartClientAsync();
        await harness.Dispatches.WaitForEventAsync("RESUMED");

        Assert.Equal(new GatewaySessionSnapshot("session-1", handled, harness.Gateway.ResumeUri.ToString(), harness.Start), kept);
        Assert.Equal((1, 1), (harness.Gateway.IdentifyCount, harness.Gateway.ResumeCount));
        Assert.Equal(handled, harness.Gateway.Resumes[0].GetProperty("seq").GetInt64());
        Assert.Equal(["/", FakeGateway.ResumePath], harness.Gateway.ConnectionPaths);
        Assert.Equal([(missed, "INTERACTION_CREATE"), (missed + 1, "RESUMED")], harness.Dispatches.Seen.Select(d => (d.Sequence, d.EventName)));
        Assert.Equal([4000], harness.Gateway.ClientCloseCodes);
        Assert.Null(await harness.SessionStore.LoadAsync(Ct));
    }

    [Fact]
    public async Task Restart_WithoutKeepSessionOnStop_KeepsNothingAndIdentifies()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();

        await harness.Client.StopAsync(Ct);
        var kept = await harness.SessionStore.LoadAsync(Ct);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.RestartClientAsync();
        await harness.Dispatches.WaitForEventAsync("READY");

        Assert.Null(kept);
        Assert.Equal((2, 0), (harness.Gateway.IdentifyCount, harness.Gateway.ResumeCount));
        Assert.Equal([1000], harness.Gateway.ClientCloseCodes);
    }

    [Fact]
    public async Task Restart_WhenTheKeptSessionIsOlderThanTheResumeWindow_Identifies()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Options.KeepSessionOnStop = true;
        harness.Options.SessionResumeWindowSeconds = 60;
        await harness.StartReadyAsync();
        await harness.Client.StopAsync(Ct);

        harness.Time.Advance(TimeSpan.FromSeconds(61));
        await harness.RestartClientAsync();
        await harness.Dispatches.WaitForEventAsync("READY");

        Assert.Equal((2, 0), (harness.Gateway.IdentifyCount, harness.Gateway.ResumeCount));
        Assert.Contains(harness.Logs.Entries, e => e.EventId == 3019);
    }

    [Fact]
    public async Task Restart_WhenDiscordNoLongerKnowsTheKeptSession_FallsBackToIdentify()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Options.KeepSessionOnStop = true;
        await harness.SessionStore.SaveAsync(new GatewaySessionSnapshot("session-from-elsewhere", 40, harness.Gateway.ResumeUri.ToString(), harness.Time.GetUtcNow()), Ct);

        await harness.StartClientAsync();
        await harness.Gateway.WaitUntilAsync(g => g.ResumeCount == 1 && g.ClientCloseCodes.Count == 1);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.Dispatches.WaitForEventAsync("READY");

        Assert.Equal((1, 1), (harness.Gateway.IdentifyCount, harness.Gateway.ResumeCount));
        Assert.Equal(["/resume", "/"], harness.Gateway.ConnectionPaths);
        Assert.Equal(1, harness.Dispatches.Seen[0].Sequence);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"session_id":"","sequence":1,"resume_gateway_url":"wss://x","saved_at":"2026-01-01T00:00:00Z"}""")]
    public void TryParse_WhenNothingUsableWasKept_ReturnsNull(string? json)
        => Assert.Null(GatewaySessionSnapshot.TryParse(json));

    [Fact]
    public void Snapshot_RoundTripsThroughJsonWithoutTheToken()
    {
        var snapshot = new GatewaySessionSnapshot("abc", 42, "wss://gateway-us-east1-b.discord.gg", new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

        var json = snapshot.ToJson();

        Assert.Equal(snapshot, GatewaySessionSnapshot.TryParse(json));
        Assert.DoesNotContain("token", json, StringComparison.OrdinalIgnoreCase);
    }
}
