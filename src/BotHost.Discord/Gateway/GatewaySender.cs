using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Gateway;

/// <summary>
/// The outgoing side of one gateway socket: one send at a time (WebSocket allows no more), the 4096-byte
/// payload cap, the 120-per-60-s limit and a timeout on every send.
/// </summary>
internal sealed class GatewaySender(ClientWebSocket socket, TimeProvider time, ILogger logger) : IDisposable
{
    /// <summary>Discord closes with 4002 on larger payloads.</summary>
    public const int MaxPayloadBytes = 4096;

    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly GatewaySendLimiter _limiter = new(time, logger);

    public async Task SendAsync<T>(T payload, JsonTypeInfo<T> typeInfo, bool heartbeat, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo);
        if (bytes.Length > MaxPayloadBytes)
        {
            throw new GatewayPayloadTooLargeException($"Gateway payload of {bytes.Length} bytes exceeds Discord's {MaxPayloadBytes}-byte limit; it was not sent.");
        }

        await _limiter.AcquireAsync(heartbeat, cancellationToken);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            using var timeout = new CancellationTokenSource(SendTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, linked.Token);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Sends our close frame, or answers Discord's.</summary>
    public async Task CloseOutputAsync(int closeCode, string description, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, description, cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
