using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Gateway;

/// <summary>
/// One WebSocket to the gateway: HELLO, heartbeats with zombie detection, identify or resume, dispatches.
/// It decides how the connection ended (<see cref="ConnectionOutcome"/>); the client decides what follows.
/// </summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    /// <summary>Budget for the whole close: close frame plus waiting for the receive loop.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource<ConnectionOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConnectionPlan _plan;
    private readonly GatewaySession _session;
    private readonly ChannelWriter<GatewayDispatch> _dispatches;
    private readonly GatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ILogger _logger;
    private readonly GatewaySender _sender;
    private CancellationTokenSource? _helloTimeout;
    private Task _receiveLoop = Task.CompletedTask;
    private volatile Task _heartbeatLoop = Task.CompletedTask;
    private volatile bool _acknowledged;
    private volatile bool _healthy;
    private bool _heartbeatStarted;

    public GatewayConnection(
        ConnectionPlan plan,
        GatewaySession session,
        ChannelWriter<GatewayDispatch> dispatches,
        GatewayOptions options,
        TimeProvider time,
        Random random,
        ILogger logger)
    {
        _plan = plan;
        _session = session;
        _dispatches = dispatches;
        _options = options;
        _time = time;
        _random = random;
        _logger = logger;
        _sender = new GatewaySender(_socket, time, logger);
    }

    /// <summary>READY or RESUMED arrived on this connection: the session is live.</summary>
    public bool IsReady => _healthy && !_outcome.Task.IsCompleted;

    public async Task<ConnectionOutcome> RunAsync(CancellationToken stop)
    {
        using (var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ConnectTimeoutSeconds), _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, connectTimeout.Token))
        {
            try
            {
                await _socket.ConnectAsync(_plan.Url, linked.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return new ConnectionOutcome(OutcomeKind.Stopped, "host stopping", false, false, null);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException)
            {
                GatewayLog.ConnectionFailed(_logger, ex.Message);
                return new ConnectionOutcome(OutcomeKind.Resume, "connect failed", false, false, null);
            }
        }

        _helloTimeout = new CancellationTokenSource(HelloTimeout, _time);
        _helloTimeout.Token.Register(() => SetOutcome(OutcomeKind.Resume, "no HELLO within 30 s"));
        _receiveLoop = ReceiveLoopAsync();
        using var onStop = stop.Register(() => SetOutcome(OutcomeKind.Stopped, "host stopping"));
        return await _outcome.Task;
    }

    /// <summary>Stops heartbeating, sends (or answers) the close frame and waits for the receive loop to end.</summary>
    public async Task CloseAsync(int closeCode, string description)
    {
        await _lifetime.CancelAsync();
        await _heartbeatLoop;
        Func<CancellationToken, Task>? sendClose = _socket.State is WebSocketState.Open or WebSocketState.CloseReceived
            ? token => _sender.CloseOutputAsync(closeCode, description, token)
            : null;
        await BoundedClose.RunAsync(
            sendClose,
            _receiveLoop,
            _socket.Abort,
            CloseTimeout,
            _time,
            ex => GatewayLog.ConnectionFailed(_logger, "close handshake: " + ex.Message));
    }

    public async ValueTask DisposeAsync()
    {
        await _abort.CancelAsync();
        _socket.Abort();
        await _receiveLoop;
        _socket.Dispose();
        _helloTimeout?.Dispose();
        _lifetime.Dispose();
        _abort.Dispose();
        _sender.Dispose();
    }

    private void SetOutcome(OutcomeKind kind, string reason, bool invalidSession = false, int? closeCode = null)
        => _outcome.TrySetResult(new ConnectionOutcome(kind, reason, _healthy, invalidSession, closeCode));

    private async Task ReceiveLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (true)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), _abort.Token);
                    buffer.Advance(result.Count);
                    if (buffer.WrittenCount > _options.MaxReceiveBytes)
                    {
                        SetOutcome(OutcomeKind.Resume, $"message larger than Discord:Gateway:MaxReceiveBytes ({_options.MaxReceiveBytes})");
                        return;
                    }
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    OnClose();
                    return;
                }

                await HandleMessageAsync(buffer.WrittenMemory);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            SetOutcome(OutcomeKind.Resume, "connection dropped without a close frame");
        }
        catch (Exception ex)
        {
            // Anything else must still end the connection, or the client would wait on it forever.
            GatewayLog.ConnectionFailed(_logger, $"receive loop failed: {ex.GetType().Name}: {ex.Message}");
            SetOutcome(OutcomeKind.Resume, "receive loop failed");
        }
    }

    private void OnClose()
    {
        if (_socket.CloseStatus is not { } status)
        {
            SetOutcome(OutcomeKind.Resume, "closed without a code");
            return;
        }

        var code = (int)status;
        var reason = $"closed with {code} ({GatewayCloseCodes.Describe(code)})";
        var kind = GatewayCloseCodes.Classify(code) switch
        {
            CloseAction.Fatal => OutcomeKind.Fatal,
            CloseAction.NewSession => OutcomeKind.NewSession,
            _ => OutcomeKind.Resume,
        };
        SetOutcome(kind, reason, closeCode: code);
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> message)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException ex)
        {
            GatewayLog.MalformedMessage(_logger, ex.Message);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("op", out var opElement)
                || !opElement.TryGetInt32(out var op))
            {
                GatewayLog.MalformedMessage(_logger, "no numeric op");
                return;
            }

            root.TryGetProperty("d", out var data);
            try
            {
                await HandleOpAsync(op, root, data);
            }
            catch (JsonException ex)
            {
                GatewayLog.MalformedMessage(_logger, $"op {op}: {ex.Message}");
            }
        }
    }

    private async Task HandleOpAsync(int op, JsonElement root, JsonElement data)
    {
        switch (op)
        {
            case GatewayOpCode.Hello:
                await OnHelloAsync(data);
                break;
            case GatewayOpCode.HeartbeatAck:
                _acknowledged = true;
                break;
            case GatewayOpCode.Heartbeat:
                await SendHeartbeatAsync(_lifetime.Token);
                break;
            case GatewayOpCode.Dispatch:
                OnDispatch(root, data);
                break;
            case GatewayOpCode.Reconnect:
                SetOutcome(OutcomeKind.Resume, "op 7 reconnect requested");
                break;
            case GatewayOpCode.InvalidSession:
                var resumable = data.ValueKind == JsonValueKind.True;
                SetOutcome(resumable ? OutcomeKind.Resume : OutcomeKind.NewSession, $"op 9 invalid session (resumable: {resumable})", invalidSession: true);
                break;
        }
    }

    private async Task OnHelloAsync(JsonElement data)
    {
        var hello = data.ValueKind == JsonValueKind.Object ? data.Deserialize(GatewayJsonContext.Default.HelloData) : null;
        if (hello is null || hello.HeartbeatInterval <= 0)
        {
            SetOutcome(OutcomeKind.Resume, "HELLO without a heartbeat_interval");
            return;
        }

        if (_heartbeatStarted)
        {
            GatewayLog.MalformedMessage(_logger, "second HELLO on one connection ignored");
            return;
        }

        _heartbeatStarted = true;
        _helloTimeout?.Dispose();
        // Started before identify/resume goes out so the first heartbeat timer exists once the server sees it.
        _heartbeatLoop = HeartbeatLoopAsync(TimeSpan.FromMilliseconds(hello.HeartbeatInterval), _lifetime.Token);
        try
        {
            if (_plan.Identify is { } identify)
            {
                await _sender.SendAsync(new IdentifyCommand(GatewayOpCode.Identify, identify), GatewayJsonContext.Default.IdentifyCommand, heartbeat: false, _lifetime.Token);
            }
            else if (_plan.Resume is { } resume)
            {
                await _sender.SendAsync(new ResumeCommand(GatewayOpCode.Resume, resume), GatewayJsonContext.Default.ResumeCommand, heartbeat: false, _lifetime.Token);
            }
        }
        catch (GatewayPayloadTooLargeException ex)
        {
            // Only the token can make these payloads grow; retrying would loop forever.
            SetOutcome(OutcomeKind.Fatal, ex.Message + " Check Discord:Token.");
        }
    }

    private void OnDispatch(JsonElement root, JsonElement data)
    {
        if (!root.TryGetProperty("s", out var s) || !s.TryGetInt64(out var sequence)
            || !root.TryGetProperty("t", out var t) || t.GetString() is not { } eventName)
        {
            GatewayLog.MalformedMessage(_logger, "dispatch without s or t");
            return;
        }

        if (eventName == "READY")
        {
            var ready = data.Deserialize(GatewayJsonContext.Default.ReadyData);
            if (ready?.SessionId is null || ready.ResumeGatewayUrl is null)
            {
                GatewayLog.MalformedMessage(_logger, "READY without session_id/resume_gateway_url");
                return;
            }

            _session.Start(ready.SessionId, ready.ResumeGatewayUrl);
            _healthy = true;
            GatewayLog.Ready(_logger);
        }
        else if (eventName == "RESUMED")
        {
            _healthy = true;
            GatewayLog.Resumed(_logger);
        }

        if (!_session.TryAdvance(sequence))
        {
            GatewayLog.DuplicateDispatch(_logger, eventName, sequence);
            return;
        }

        _dispatches.TryWrite(new GatewayDispatch(eventName, sequence, data.Clone()) { ReceivedAt = _time.GetTimestamp() });
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        // Each delay is created before the heartbeat it precedes is sent, so a test that has seen
        // heartbeat n may advance the clock knowing the timer for heartbeat n+1 is already armed.
        var next = Task.Delay(interval * _random.NextDouble(), _time, cancellationToken);
        var first = true;
        try
        {
            while (true)
            {
                await next;
                next = Task.Delay(interval, _time, cancellationToken);
                if (!first && !_acknowledged)
                {
                    GatewayLog.Zombie(_logger);
                    SetOutcome(OutcomeKind.Resume, "no heartbeat ACK (zombie connection)");
                    return;
                }

                first = false;
                _acknowledged = false;
                await SendHeartbeatAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Connection closing: nothing left to beat for.
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            SetOutcome(OutcomeKind.Resume, "heartbeat could not be sent");
        }
    }

    private Task SendHeartbeatAsync(CancellationToken cancellationToken)
        => _sender.SendAsync(new HeartbeatCommand(GatewayOpCode.Heartbeat, _session.LastSequence), GatewayJsonContext.Default.HeartbeatCommand, heartbeat: true, cancellationToken);
}
