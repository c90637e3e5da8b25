using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// The server end of one client socket: sends are serialized as WebSocket requires; the per-connection state
/// Discord enforces (authenticated or not, sends in the last 60 s, last heartbeat) lives here, guarded by
/// FakeGateway's lock.
/// </summary>
internal sealed class FakeGatewayConnection(WebSocket socket, HttpContext context, DateTimeOffset openedAt)
{
    private readonly Queue<DateTimeOffset> _sends = new();

    public SemaphoreSlim SendLock { get; } = new(1, 1);

    public WebSocket Socket => socket;

    /// <summary>Path the client connected to: "/" for fresh connects, the resume path for resume_gateway_url.</summary>
    public string Path { get; } = context.Request.Path.Value ?? "/";

    public CancellationToken Aborted => context.RequestAborted;

    /// <summary>An IDENTIFY was answered with READY or a RESUME was accepted on this socket.</summary>
    public bool Authenticated { get; set; }

    /// <summary>Set once the fake has closed the socket for a protocol violation; later frames are ignored.</summary>
    public bool Closing { get; set; }

    /// <summary>Fires when no heartbeat arrived for FakeGateway.HeartbeatTimeout; null when that check is off.</summary>
    public ITimer? Watchdog { get; set; }

    /// <summary>When the last heartbeat (or HELLO) arrived.</summary>
    public DateTimeOffset LastHeartbeat { get; set; } = openedAt;

    /// <summary>Counts one payload from the client; returns how many arrived in the window ending now.</summary>
    public int CountSend(DateTimeOffset now, TimeSpan window)
    {
        while (_sends.Count > 0 && _sends.Peek() + window <= now)
        {
            _sends.Dequeue();
        }

        _sends.Enqueue(now);
        return _sends.Count;
    }

    public async Task SendAsync(string json)
    {
        await SendLock.WaitAsync(context.RequestAborted);
        try
        {
            await SendUnlockedAsync(json);
        }
        finally
        {
            SendLock.Release();
        }
    }

    /// <summary>For callers already holding <see cref="SendLock"/>.</summary>
    public Task SendUnlockedAsync(string json)
        => socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);

    public async Task CloseAsync(int code, string reason)
    {
        await SendLock.WaitAsync(context.RequestAborted);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, context.RequestAborted);
        }
        finally
        {
            SendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close frame.</summary>
    public void Abort()
    {
        context.Abort();
        socket.Abort();
    }

    /// <summary>The next text message and its size in bytes, or null once the client's close frame arrived.</summary>
    public async Task<(string Text, int Bytes)?> ReceiveAsync()
    {
        var buffer = new byte[8 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), (int)message.Length);
            }
        }
    }
}
