using System.Net.WebSockets;

namespace BotHost.Testing.FakeDiscord;

// What Discord enforces on a gateway connection (FACTS §4) and the client relies on: payload size (4002), send
// rate (4008), opcodes (4001), identify first (4003) and only once (4005), resume sequence (4007),
// max_concurrency identifies per 5 s (op 9), and, when switched on, closing a connection that stops heartbeating.
public sealed partial class FakeGateway
{
    /// <summary>Path of the resume_gateway_url READY hands out; fresh connects use "/".</summary>
    public const string ResumePath = "/resume";

    private static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);

    private readonly List<DateTimeOffset> _acceptedIdentifies = [];
    private readonly List<int> _serverCloseCodes = [];
    private readonly List<string> _connectionPaths = [];
    private int _concurrencyRejections;

    /// <summary>Larger client payloads are answered with close 4002.</summary>
    public int MaxPayloadBytes { get; set; } = 4096;

    /// <summary>More client payloads than this in <see cref="SendWindow"/> on one connection are answered with close 4008.</summary>
    public int SendLimit { get; set; } = 120;

    public TimeSpan SendWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Identifies accepted per 5 s; more get op 9 (not resumable). Also reported by GET /gateway/bot.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>session_start_limit.remaining reported by GET /gateway/bot; each accepted identify uses one.</summary>
    public int SessionStartRemaining { get { lock (_lock) { return _sessionStartRemaining; } } set { lock (_lock) { _sessionStartRemaining = value; } } }

    /// <summary>
    /// When set, a connection that sends no heartbeat for this long (since HELLO or its last heartbeat) is closed
    /// with <see cref="ZombieCloseCode"/>, as Discord drops silent connections. Off by default so tests that jump
    /// the clock far ahead are not cut off.
    /// </summary>
    public TimeSpan? HeartbeatTimeout { get; set; }

    /// <summary>The docs do not say which code Discord closes a silent connection with; 4009 (session timed out) by default.</summary>
    public int ZombieCloseCode { get; set; } = 4009;

    /// <summary>Heartbeats are lost on the way: neither counted, recorded nor acknowledged.</summary>
    public bool IgnoreHeartbeats { get; set; }

    /// <summary>Close codes the fake sent (violations, test commands), in order.</summary>
    public IReadOnlyList<int> ServerCloseCodes { get { lock (_lock) { return [.. _serverCloseCodes]; } } }

    /// <summary>IDENTIFYs answered with op 9 because max_concurrency was exceeded.</summary>
    public int ConcurrencyRejections { get { lock (_lock) { return _concurrencyRejections; } } }

    /// <summary>Path of each connection: "/" for fresh connects, <see cref="ResumePath"/> for connects to resume_gateway_url.</summary>
    public IReadOnlyList<string> ConnectionPaths { get { lock (_lock) { return [.. _connectionPaths]; } } }

    /// <summary>The resume_gateway_url READY hands out; deliberately not the connect URL.</summary>
    public Uri ResumeUri => new(_selfUri(), ResumePath);

    /// <summary>Forgets the latest session's events after <paramref name="sequence"/>, so a RESUME with a later seq is invalid (4007).</summary>
    public void ForgetEventsAfter(long sequence)
    {
        lock (_lock)
        {
            (_latestSession ?? throw new InvalidOperationException("No session yet: the client has not identified.")).Truncate(sequence);
        }
    }

    /// <summary>Call with the lock held.</summary>
    private (int Code, string Reason)? Violation(FakeGatewayConnection connection, int op, int bytes, int sends)
    {
        if (bytes > MaxPayloadBytes)
        {
            return (4002, $"payload of {bytes} bytes is over {MaxPayloadBytes}");
        }

        if (sends > SendLimit)
        {
            return (4008, $"more than {SendLimit} payloads in {SendWindow.TotalSeconds} s");
        }

        if (op is not (1 or 2 or 3 or 4 or 6 or 8 or 31))
        {
            return (4001, $"unknown opcode {op}");
        }

        if (!connection.Authenticated && op is not (1 or 2 or 6))
        {
            return (4003, "not authenticated");
        }

        return connection.Authenticated && op is 2 or 6 ? (4005, "already authenticated") : null;
    }

    /// <summary>Call with the lock held: counts an identify against max_concurrency per 5 s and the session start budget.</summary>
    private bool TryStartSession(DateTimeOffset now)
    {
        _acceptedIdentifies.RemoveAll(at => at + IdentifyWindow <= now);
        if (_acceptedIdentifies.Count >= MaxConcurrency)
        {
            return false;
        }

        _acceptedIdentifies.Add(now);
        _sessionStartRemaining--;
        return true;
    }

    private async Task RefuseAsync(FakeGatewayConnection connection, int code, string reason)
    {
        var alreadyClosing = false;
        Record(() =>
        {
            alreadyClosing = connection.Closing;
            if (!alreadyClosing)
            {
                connection.Closing = true;
                _serverCloseCodes.Add(code);
            }
        });
        if (alreadyClosing)
        {
            return;
        }

        try
        {
            await connection.CloseAsync(code, reason);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client is already gone.
        }
    }

    /// <summary>
    /// Arms the zombie watchdog: fires <see cref="HeartbeatTimeout"/> after HELLO unless a heartbeat re-arms it.
    /// Re-armed inside the lock that records the heartbeat, so by the time a test can see a heartbeat its new
    /// deadline already counts from it.
    /// </summary>
    private ITimer? StartWatchdog(FakeGatewayConnection connection)
        => HeartbeatTimeout is { } timeout
            ? _time.CreateTimer(_ => _ = RefuseAsync(connection, ZombieCloseCode, "no heartbeat received"), null, timeout, Timeout.InfiniteTimeSpan)
            : null;

    /// <summary>Call with the lock held.</summary>
    private void RearmWatchdog(FakeGatewayConnection connection)
    {
        if (HeartbeatTimeout is { } timeout)
        {
            connection.Watchdog?.Change(timeout, Timeout.InfiniteTimeSpan);
        }
    }
}
