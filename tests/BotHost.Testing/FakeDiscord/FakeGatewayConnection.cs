using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace BotHost.Testing.FakeDiscord;

/// <summary>The server end of one client socket; sends are serialized as WebSocket requires.</summary>
internal sealed class FakeGatewayConnection(WebSocket socket, HttpContext context)
{
    public SemaphoreSlim SendLock { get; } = new(1, 1);

    public WebSocket Socket => socket;

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

    /// <summary>The next text message, or null once the client's close frame arrived.</summary>
    public async Task<string?> ReceiveAsync()
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
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }
}
