using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.FakeDiscord;

/// <summary>The fake gateway enforces what Discord enforces (FACTS §4), checked with a bare WebSocket that breaks each rule.</summary>
public sealed class FakeGatewayEnforcementTests : IAsyncLifetime
{
    private const string Identify = """{"op":2,"d":{"token":"t","intents":1,"properties":{"os":"linux","browser":"x","device":"x"}}}""";

    private readonly FakeTimeProvider _time = new();
    private FakeDiscordServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeDiscordServer.StartAsync(_time, Ct);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PayloadOver4096Bytes_IsClosedWith4002()
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, $$"""{"op":1,"d":null,"pad":"{{new string('x', 4100)}}"}""");

        Assert.Equal(4002, await CloseCodeAsync(socket));
    }

    [Fact]
    public async Task PayloadBeforeIdentify_IsClosedWith4003_ButHeartbeatsAreAllowed()
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, """{"op":1,"d":null}""");
        Assert.Equal(11, (await ReceiveAsync(socket)).GetProperty("op").GetInt32());
        await SendAsync(socket, """{"op":3,"d":{"status":"online","afk":false,"since":null,"activities":[]}}""");

        Assert.Equal(4003, await CloseCodeAsync(socket));
    }

    [Fact]
    public async Task SecondIdentifyOnOneConnection_IsClosedWith4005()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, Identify);
        Assert.Equal("READY", (await ReceiveAsync(socket)).GetProperty("t").GetString());

        await SendAsync(socket, Identify);

        Assert.Equal(4005, await CloseCodeAsync(socket));
    }

    [Fact]
    public async Task UnknownOpcode_IsClosedWith4001()
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, """{"op":99,"d":null}""");

        Assert.Equal(4001, await CloseCodeAsync(socket));
    }

    [Fact]
    public async Task MoreThan120PayloadsIn60Seconds_IsClosedWith4008()
    {
        using var socket = await ConnectAsync();

        for (var i = 0; i < 121; i++)
        {
            await SendAsync(socket, """{"op":1,"d":null}""");
        }

        Assert.Equal(4008, await CloseCodeAsync(socket));
        Assert.Equal([4008], _server.Gateway.ServerCloseCodes);
    }

    [Fact]
    public async Task ResumeWithASequenceTheSessionNeverSent_IsClosedWith4007()
    {
        using (var first = await ConnectAsync())
        {
            await SendAsync(first, Identify);
            await ReceiveAsync(first);
            await _server.Gateway.SendDispatchAsync("MESSAGE_CREATE", "{}");
            await first.CloseOutputAsync((WebSocketCloseStatus)4000, "resume later", Ct);
        }

        using var second = await ConnectAsync(FakeGateway.ResumePath);
        await SendAsync(second, """{"op":6,"d":{"token":"t","session_id":"session-1","seq":5}}""");

        Assert.Equal(4007, await CloseCodeAsync(second));
    }

    [Fact]
    public async Task IdentifiesBeyondMaxConcurrencyWithinFiveSeconds_GetOp9UntilTheWindowPasses()
    {
        using var first = await ConnectAsync();
        using var second = await ConnectAsync();
        await SendAsync(first, Identify);
        await ReceiveAsync(first);

        await SendAsync(second, Identify);
        var refused = await ReceiveAsync(second);
        _time.Advance(TimeSpan.FromSeconds(5));
        using var third = await ConnectAsync();
        await SendAsync(third, Identify);
        var accepted = await ReceiveAsync(third);

        Assert.Equal((9, JsonValueKind.False), (refused.GetProperty("op").GetInt32(), refused.GetProperty("d").ValueKind));
        Assert.Equal("READY", accepted.GetProperty("t").GetString());
        Assert.Equal(1, _server.Gateway.ConcurrencyRejections);
        Assert.Equal(997, _server.Gateway.SessionStartRemaining);
    }

    [Fact]
    public async Task SilentConnection_WhenHeartbeatTimeoutIsOn_IsClosedOnceTheTimeoutPasses()
    {
        _server.Gateway.HeartbeatTimeout = TimeSpan.FromSeconds(10);
        using var socket = await ConnectAsync();
        await SendAsync(socket, Identify);
        await ReceiveAsync(socket);

        _time.Advance(TimeSpan.FromSeconds(9));
        await SendAsync(socket, """{"op":1,"d":1}""");
        await ReceiveAsync(socket);
        _time.Advance(TimeSpan.FromSeconds(9));
        var closedBeforeTimeout = _server.Gateway.ServerCloseCodes.Count;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(4009, await CloseCodeAsync(socket));
        Assert.Equal(0, closedBeforeTimeout);
    }

    [Fact]
    public async Task Ready_HandsOutAResumeUrlThatIsNotTheConnectUrl()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, Identify);

        var ready = await ReceiveAsync(socket);

        var resumeUrl = new Uri(ready.GetProperty("d").GetProperty("resume_gateway_url").GetString()!);
        Assert.Equal(FakeGateway.ResumePath, resumeUrl.AbsolutePath);
        Assert.NotEqual(_server.GatewayUri.AbsolutePath, resumeUrl.AbsolutePath);
    }

    private async Task<ClientWebSocket> ConnectAsync(string path = "/")
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(_server.GatewayUri, path + "?v=10&encoding=json"), Ct);
        Assert.Equal(10, (await ReceiveAsync(socket)).GetProperty("op").GetInt32());
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string json)
        => socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, Ct);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(WebSocketMessageType.Text, result.MessageType);
        using var document = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
        return document.RootElement.Clone();
    }

    /// <summary>Reads until the server's close frame and returns its code.</summary>
    private static async Task<int?> CloseCodeAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (int?)socket.CloseStatus;
            }
        }
    }
}
