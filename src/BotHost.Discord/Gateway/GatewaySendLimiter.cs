using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotHost.Discord.Gateway;

/// <summary>
/// Discord disconnects a connection that sends more than 120 payloads in 60 s (close 4008). Ordinary
/// sends stop short of the limit so a heartbeat always finds room; a missed heartbeat looks like a zombie.
/// One instance per connection.
/// </summary>
internal sealed class GatewaySendLimiter(TimeProvider time, ILogger? logger = null)
{
    public const int Limit = 120;
    public const int HeartbeatReserve = 5;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly SlidingWindowLimiter _window = new(Window, time);

    public async Task AcquireAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        var limit = heartbeat ? Limit : Limit - HeartbeatReserve;
        while (!_window.TryAcquire(limit, out var retryAfter))
        {
            // Logged once the timer exists, so whoever drives a fake clock can advance it after seeing the line.
            var wait = Task.Delay(retryAfter, time, cancellationToken);
            GatewayLog.SendLimited(logger ?? NullLogger.Instance, limit, retryAfter);
            await wait;
        }
    }
}
