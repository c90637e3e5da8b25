namespace BotHost.Discord.Tests.Gateway;

public sealed class GatewayLifecycleTests
{
    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardId")]
    [InlineData(4011, "Discord:ShardCount")]
    [InlineData(4012, "invalid API version")]
    [InlineData(4013, "invalid intents: check Discord:Intents")]
    [InlineData(4014, "privileged intent")]
    public async Task Close_WhenCodeIsFatal_StopsWithTheCauseAndNeverReconnects(int code, string cause)
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Gateway.CloseOnIdentify = code;

        await harness.StartClientAsync();
        var stopped = await harness.Client.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await harness.Dispatches.Drained.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(stopped.IsFatal);
        Assert.Equal(code, stopped.CloseCode);
        Assert.Contains(cause, stopped.Reason, StringComparison.Ordinal);
        Assert.Contains(harness.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains(cause, StringComparison.Ordinal));
        Assert.Equal(1, harness.Gateway.IdentifyCount);
        Assert.Equal(1, harness.Gateway.ConnectionCount);
        Assert.Equal(1, harness.Info.Calls);
    }

    [Fact]
    public async Task Identify_SendsTokenIntentsShardAndPropertiesOnTheVersionedUrl()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Discord.Intents = 513;
        harness.Discord.ShardId = 1;
        harness.Discord.ShardCount = 2;

        await harness.StartReadyAsync();

        var identify = harness.Gateway.Identifies.Single();
        Assert.Equal(GatewayHarness.Token, identify.GetProperty("token").GetString());
        Assert.Equal(513, identify.GetProperty("intents").GetInt32());
        Assert.Equal([1, 2], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        var properties = identify.GetProperty("properties");
        Assert.Equal("BotHost", properties.GetProperty("browser").GetString());
        Assert.Equal("BotHost", properties.GetProperty("device").GetString());
        Assert.False(string.IsNullOrEmpty(properties.GetProperty("os").GetString()));
        Assert.Equal(["?v=10&encoding=json"], harness.Gateway.ConnectionQueries);
    }

    [Fact]
    public async Task Identify_WithoutShardSettings_UsesRecommendedCountAndConfiguredGatewayUrl()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        // The URL from /gateway/bot must be ignored when Discord:GatewayUrl is set; port 9 on loopback would fail.
        harness.Info.AnswerWith(harness.Answer(remaining: 1000, shards: 3, url: "ws://127.0.0.1:9"));
        harness.Discord.GatewayUrl = harness.Server.GatewayUri.ToString();

        await harness.StartReadyAsync();

        var shard = harness.Gateway.Identifies.Single().GetProperty("shard");
        Assert.Equal([0, 3], shard.EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Identify_WhenSessionStartLimitIsExhausted_RefusesUntilTheLimitResets()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Info.AnswerWith(harness.Answer(remaining: 0, resetAfterMs: 60_000), harness.Answer(remaining: 999));

        await harness.StartClientAsync();
        await harness.Logs.WaitForAsync("session_start_limit.remaining is 0");
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        await harness.Dispatches.WaitForEventAsync("READY");

        // The client asked again only once the limit had reset, and had not connected before asking.
        Assert.Equal([(harness.Start, 0), (harness.Start + TimeSpan.FromSeconds(60), 0)], harness.Info.Seen);
        Assert.Equal([harness.Start + TimeSpan.FromSeconds(60)], harness.IdentifyTimes());
        Assert.Equal(1, harness.Gateway.IdentifyCount);
        Assert.Contains(harness.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Refusing to identify", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, 1000)]
    [InlineData(true, 4000)]
    public async Task Stop_ClosesNormallyOrKeepsTheSessionResumable(bool keepSession, int expectedCode)
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Options.KeepSessionOnStop = keepSession;
        await harness.StartReadyAsync();

        await harness.Client.StopAsync(TestContext.Current.CancellationToken);
        await harness.Gateway.WaitUntilAsync(g => g.ClientCloseCodes.Count == 1);

        Assert.Equal([expectedCode], harness.Gateway.ClientCloseCodes);
        var stopped = await harness.Client.Completion;
        Assert.False(stopped.IsFatal);
        await harness.Dispatches.Drained.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Logs_ThroughIdentifyResumeAndFatalClose_NeverContainTheToken()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        await harness.StartReadyAsync();
        await harness.Gateway.SendReconnectAsync();
        await harness.Dispatches.WaitForEventAsync("RESUMED");

        await harness.Gateway.CloseAsync(4004);
        await harness.Client.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(GatewayHarness.Token, harness.Gateway.Identifies[0].GetProperty("token").GetString());
        Assert.True(harness.Logs.Lines.Count >= 5);
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains(GatewayHarness.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(harness.Logs.Lines, l => l.Contains("SECRET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Identify_WhenPayloadWouldExceed4096Bytes_StopsInsteadOfSendingIt()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Discord.Token = new string('x', 5000);

        await harness.StartClientAsync();
        var stopped = await harness.Client.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(stopped.IsFatal);
        Assert.Contains("4096", stopped.Reason, StringComparison.Ordinal);
        Assert.Equal(0, harness.Gateway.IdentifyCount);
        Assert.Equal(1, harness.Gateway.ConnectionCount);
    }

    [Fact]
    public async Task Connect_WhenGatewayRefuses_BacksOffThenIdentifiesOnTheNextUrl()
    {
        await using var harness = await GatewayHarness.CreateAsync();
        harness.Info.AnswerWith(harness.Answer(remaining: 1000, url: "ws://127.0.0.1:9"), harness.Answer(remaining: 1000));

        await harness.StartClientAsync();
        await harness.Logs.WaitForAsync("before the next gateway connection");
        var backoff = TimeSpan.Parse(Assert.Single(harness.LoggedWaits()), System.Globalization.CultureInfo.InvariantCulture);
        harness.Time.Advance(TimeSpan.FromSeconds(5));
        await harness.Dispatches.WaitForEventAsync("READY");

        Assert.InRange(backoff, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5));
        Assert.Equal([(harness.Start, 0), (harness.Start + TimeSpan.FromSeconds(5), 0)], harness.Info.Seen);
        Assert.Contains(harness.Logs.Lines, l => l.Contains("Gateway connection failed", StringComparison.Ordinal));
        Assert.Equal(1, harness.Gateway.IdentifyCount);
        Assert.Equal(2, harness.Info.Calls);
    }
}
