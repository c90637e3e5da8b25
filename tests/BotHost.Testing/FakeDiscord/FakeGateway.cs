using System.Runtime.CompilerServices;
using System.Text.Json;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// Plays the Discord gateway for one test: HELLO, IDENTIFY → READY, RESUME (on resume_gateway_url) → replay
/// then RESUMED, heartbeat ACKs, Discord's limits (see FakeGateway.Enforcement.cs), and commands to misbehave
/// (stop ACKing, op 7, op 9, close codes, abrupt drops).
/// Everything the client sends is recorded; <see cref="WaitUntilAsync"/> awaits a condition on it.
/// </summary>
public sealed partial class FakeGateway
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Func<Uri> _selfUri;
    private readonly List<FakeGatewayFrame> _frames = [];
    private readonly List<FakeGatewayHeartbeat> _heartbeats = [];
    private readonly List<JsonElement> _identifies = [];
    private readonly List<JsonElement> _resumes = [];
    private readonly List<int?> _clientCloseCodes = [];
    private readonly List<string> _connectionQueries = [];
    private readonly Dictionary<string, FakeGatewaySession> _sessions = [];
    private readonly List<(Func<FakeGateway, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private FakeGatewayConnection? _current;
    private FakeGatewaySession? _latestSession;
    private int _connectionCount;
    private int _sessionStartRemaining = 999;

    internal FakeGateway(TimeProvider time, Func<Uri> selfUri)
    {
        _time = time;
        _selfUri = selfUri;
    }

    /// <summary>heartbeat_interval sent in HELLO, in milliseconds.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41_250;

    /// <summary>Turn off to play a zombie connection.</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>
    /// Turn off to buffer injected dispatches without sending them, as if they were lost with a dying
    /// socket; they are replayed on resume.
    /// </summary>
    public bool DeliverLive { get; set; } = true;

    /// <summary>Replay this many events the client already acknowledged too, to exercise its dedupe.</summary>
    public int ResumeReplayOverlap { get; set; }

    /// <summary>When set, IDENTIFY is answered by closing with this code instead of READY.</summary>
    public int? CloseOnIdentify { get; set; }

    public int ConnectionCount { get { lock (_lock) { return _connectionCount; } } }

    public int IdentifyCount { get { lock (_lock) { return _identifies.Count; } } }

    public int ResumeCount { get { lock (_lock) { return _resumes.Count; } } }

    public int HeartbeatCount { get { lock (_lock) { return _heartbeats.Count; } } }

    /// <summary>True while a client socket is open.</summary>
    public bool IsConnected { get { lock (_lock) { return _current is not null; } } }

    public IReadOnlyList<FakeGatewayFrame> Frames { get { lock (_lock) { return [.. _frames]; } } }

    public IReadOnlyList<FakeGatewayHeartbeat> Heartbeats { get { lock (_lock) { return [.. _heartbeats]; } } }

    /// <summary>The <c>d</c> of each IDENTIFY.</summary>
    public IReadOnlyList<JsonElement> Identifies { get { lock (_lock) { return [.. _identifies]; } } }

    /// <summary>The <c>d</c> of each RESUME.</summary>
    public IReadOnlyList<JsonElement> Resumes { get { lock (_lock) { return [.. _resumes]; } } }

    /// <summary>Close codes of the client's close frames (null: closed without a code).</summary>
    public IReadOnlyList<int?> ClientCloseCodes { get { lock (_lock) { return [.. _clientCloseCodes]; } } }

    /// <summary>Query string of each connection, e.g. "?v=10&amp;encoding=json".</summary>
    public IReadOnlyList<string> ConnectionQueries { get { lock (_lock) { return [.. _connectionQueries]; } } }

    /// <summary>Completes once <paramref name="condition"/> holds; fails after <paramref name="timeout"/> (default 10 s).</summary>
    public Task WaitUntilAsync(
        Func<FakeGateway, bool> condition,
        TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(condition))] string? description = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, done));
        }

        return WaitAsync(done.Task, timeout ?? DefaultWait, description);
    }

    /// <summary>Sends (or, with <see cref="DeliverLive"/> off, only buffers) a dispatch on the latest session.</summary>
    /// <param name="dataJson">The raw JSON of <c>d</c>.</param>
    /// <returns>The sequence number given to the event.</returns>
    public async Task<long> SendDispatchAsync(string eventName, string dataJson)
    {
        FakeGatewayConnection? target;
        string json;
        long sequence;
        lock (_lock)
        {
            var session = _latestSession ?? throw new InvalidOperationException("No session yet: the client has not identified.");
            (sequence, json) = session.Append(eventName, dataJson);
            target = DeliverLive ? session.Attached : null;
        }

        if (target is not null)
        {
            await target.SendAsync(json);
        }

        return sequence;
    }

    /// <summary>op 7: asks the client to reconnect and resume.</summary>
    public Task SendReconnectAsync() => Current().SendAsync("""{"op":7,"d":null,"s":null,"t":null}""");

    /// <summary>op 1: asks the client for a heartbeat now.</summary>
    public Task RequestHeartbeatAsync() => Current().SendAsync("""{"op":1,"d":null,"s":null,"t":null}""");

    /// <summary>op 9; when not resumable the session is forgotten, so a resume attempt gets op 9 false again.</summary>
    public Task SendInvalidSessionAsync(bool resumable)
    {
        if (!resumable)
        {
            lock (_lock)
            {
                _latestSession?.Invalidate();
            }
        }

        return Current().SendAsync($$"""{"op":9,"d":{{(resumable ? "true" : "false")}},"s":null,"t":null}""");
    }

    /// <summary>Closes the current socket with <paramref name="code"/>.</summary>
    public Task CloseAsync(int code, string reason = "") => RefuseAsync(Current(), code, reason);

    /// <summary>Drops the current socket without a close frame.</summary>
    public void Drop() => Current().Abort();

    private FakeGatewayConnection Current()
    {
        lock (_lock)
        {
            return _current ?? throw new InvalidOperationException("No client is connected to the fake gateway.");
        }
    }

    /// <summary>Runs <paramref name="change"/> under the lock, then wakes the waiters whose condition now holds.</summary>
    private void Record(Action change)
    {
        lock (_lock)
        {
            change();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(this))
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static async Task WaitAsync(Task done, TimeSpan timeout, string? description)
    {
        try
        {
            await done.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Fake gateway: '{description}' did not hold within {timeout.TotalSeconds} s.");
        }
    }
}
