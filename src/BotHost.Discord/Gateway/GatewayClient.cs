using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Gateway;

/// <summary>
/// Keeps one shard connected to the Discord gateway and hands every dispatch to <see cref="Dispatches"/>
/// exactly once, across reconnects and resumes. Runs as a hosted service.
/// </summary>
public sealed class GatewayClient : IHostedService, IAsyncDisposable
{
    /// <summary>Keeps the session resumable (any code but 1000/1001 does).</summary>
    internal const int ResumableCloseCode = 4000;
    private const int NormalCloseCode = 1000;
    private static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);

    private readonly DiscordOptions _discord;
    private readonly GatewayOptions _options;
    private readonly IGatewayInfoSource _info;
    private readonly TimeProvider _time;
    private readonly ILogger<GatewayClient> _logger;
    private readonly Random _random;
    private readonly Channel<GatewayDispatch> _dispatches =
        Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly TaskCompletionSource<GatewayStopped> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GatewaySession _session = new();
    private readonly SlidingWindowLimiter _identifies;
    private readonly ReconnectBackoff _backoff;
    private readonly IGatewaySessionStore _sessionStore;
    private readonly GatewayMetrics _metrics;
    private volatile GatewayConnection? _live;
    private CancellationTokenSource? _stopping;
    private Task _run = Task.CompletedTask;
    private Uri? _gatewayUri;
    private int _maxConcurrency = 1;
    private int _disposed;

    /// <param name="random">Jitter source; pass a seeded one for reproducible tests.</param>
    /// <param name="sessionStore">Keeps the session across restarts when KeepSessionOnStop is on; in memory when null.</param>
    /// <param name="metrics">Reconnect counts and the live-session gauge; a meter of its own when null.</param>
    public GatewayClient(
        IOptions<DiscordOptions> discord,
        IOptions<GatewayOptions> options,
        IGatewayInfoSource info,
        TimeProvider time,
        ILogger<GatewayClient> logger,
        Random? random = null,
        IGatewaySessionStore? sessionStore = null,
        GatewayMetrics? metrics = null)
    {
        _sessionStore = sessionStore ?? new InMemoryGatewaySessionStore();
        _discord = discord.Value;
        _options = options.Value;
        _info = info;
        _time = time;
        _logger = logger;
        _random = random ?? Random.Shared;
        _identifies = new SlidingWindowLimiter(IdentifyWindow, time);
        _backoff = new ReconnectBackoff(TimeSpan.FromSeconds(_options.MaxReconnectDelaySeconds), _random);
        _metrics = metrics ?? GatewayMetrics.Unscoped();
        _metrics.Observe(this);
    }

    /// <summary>True while a connection has its session (READY or RESUMED received) and has not ended: what readiness asks.</summary>
    public bool IsConnected => _live?.IsReady == true;

    /// <summary>Every dispatch (READY, RESUMED, GUILD_CREATE, INTERACTION_CREATE, …) in sequence order, never twice.</summary>
    public ChannelReader<GatewayDispatch> Dispatches => _dispatches.Reader;

    /// <summary>Completes when the client stops for good: on <see cref="StopAsync"/> or a fatal close code.</summary>
    public Task<GatewayStopped> Completion => _completion.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_stopping is not null)
        {
            throw new InvalidOperationException("The gateway client was already started.");
        }

        ValidateSettings(_discord);
        _stopping = new CancellationTokenSource();
        var stop = _stopping.Token;
        _run = Task.Run(() => RunAsync(stop), cancellationToken);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _run.WaitAsync(cancellationToken);
    }

    // The container disposes the instance once as a singleton and once as the hosted service it also is.
    public async ValueTask DisposeAsync()
    {
        if (_stopping is null || Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _run;
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        GatewayStopped stopped;
        try
        {
            stopped = await LoopAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            stopped = new GatewayStopped(false, null, "host stopping");
        }
        catch (GatewayConfigurationException ex)
        {
            GatewayLog.Crashed(_logger, ex);
            stopped = new GatewayStopped(true, null, ex.Message);
        }
        catch (Exception ex)
        {
            // Last line of defence for the background task: record why the gateway is gone.
            GatewayLog.Crashed(_logger, ex);
            stopped = new GatewayStopped(true, null, "unexpected error: " + ex.Message);
        }

        if (!stopped.IsFatal)
        {
            await KeepSessionAsync();
        }

        GatewayLog.Stopped(_logger, stopped.Reason);
        _dispatches.Writer.TryComplete();
        _completion.TrySetResult(stopped);
    }

    private async Task<GatewayStopped> LoopAsync(CancellationToken stop)
    {
        var resume = await RestoreKeptSessionAsync(stop);
        while (true)
        {
            stop.ThrowIfCancellationRequested();
            var plan = resume && _session.CanResume ? PlanResume() : await PlanIdentifyAsync(stop);
            if (plan is null)
            {
                continue;
            }

            GatewayLog.Connecting(_logger, plan.Url.Host, plan.Resume is null ? "identify" : "resume");
            await using var connection = new GatewayConnection(plan, _session, _dispatches.Writer, _options, _time, _random, _logger);
            _live = connection;
            var outcome = await connection.RunAsync(stop);
            _live = null;
            if (outcome.Healthy)
            {
                _backoff.Reset();
            }

            var delay = DelayAfter(outcome);
            // The wait starts before our close frame goes out: whoever drives a fake clock can advance it
            // as soon as the server has seen the close, knowing the timer is already armed.
            var wait = delay > TimeSpan.Zero ? Task.Delay(delay, _time, stop) : Task.CompletedTask;
            await connection.CloseAsync(CloseCodeFor(outcome), outcome.Kind.ToString());
            switch (outcome.Kind)
            {
                case OutcomeKind.Fatal when outcome.CloseCode is { } code:
                    var cause = GatewayCloseCodes.Describe(code);
                    GatewayLog.FatalClose(_logger, code, cause);
                    return new GatewayStopped(true, code, $"Discord closed the gateway with {code}: {cause}");
                case OutcomeKind.Fatal:
                    GatewayLog.FatalError(_logger, outcome.Reason);
                    return new GatewayStopped(true, null, outcome.Reason);
                case OutcomeKind.Stopped:
                    return new GatewayStopped(false, null, "host stopping");
                case OutcomeKind.NewSession:
                    _session.Reset();
                    break;
            }

            resume = outcome.Kind == OutcomeKind.Resume;
            _metrics.Reconnecting(resume && _session.CanResume);
            GatewayLog.ConnectionEnded(_logger, outcome.Reason, resume && _session.CanResume ? "resume" : "identify");
            if (delay > TimeSpan.Zero)
            {
                GatewayLog.Waiting(_logger, delay);
            }

            await wait;
        }
    }

    /// <summary>Takes up the session the previous run kept, if there is one young enough to resume. Used once.</summary>
    private async Task<bool> RestoreKeptSessionAsync(CancellationToken stop)
    {
        if (!_options.KeepSessionOnStop)
        {
            return false;
        }

        GatewaySessionSnapshot? kept;
        try
        {
            kept = await _sessionStore.LoadAsync(stop);
            // Resumed at most once: if this run dies without keeping a newer one, the next start identifies.
            await _sessionStore.ClearAsync(stop);
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            GatewayLog.SessionStoreFailed(_logger, ex);
            return false;
        }

        if (kept is null || !Uri.TryCreate(kept.ResumeGatewayUrl, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss"))
        {
            return false;
        }

        var age = _time.GetUtcNow() - kept.SavedAt;
        if (age > TimeSpan.FromSeconds(_options.SessionResumeWindowSeconds) || age < TimeSpan.Zero)
        {
            GatewayLog.SavedSessionExpired(_logger, age);
            return false;
        }

        _session.Restore(kept.SessionId, kept.ResumeGatewayUrl, kept.Sequence);
        GatewayLog.RestoredSession(_logger, age, kept.Sequence);
        return true;
    }

    /// <summary>On a normal stop with KeepSessionOnStop, saves what the next run needs to resume (the close code kept it resumable).</summary>
    private async Task KeepSessionAsync()
    {
        if (!_options.KeepSessionOnStop || !_session.CanResume)
        {
            return;
        }

        var snapshot = new GatewaySessionSnapshot(_session.SessionId!, _session.LastSequence ?? 0, _session.ResumeUrl!, _time.GetUtcNow());
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
            await _sessionStore.SaveAsync(snapshot, timeout.Token);
        }
        catch (Exception ex)
        {
            // Shutdown goes on; the next start identifies instead of resuming.
            GatewayLog.SessionStoreFailed(_logger, ex);
        }
    }

    private TimeSpan DelayAfter(ConnectionOutcome outcome)
    {
        if (outcome.Kind is OutcomeKind.Fatal or OutcomeKind.Stopped)
        {
            return TimeSpan.Zero;
        }

        var delay = outcome.Healthy ? TimeSpan.Zero : _backoff.Next();
        var identifiesNext = outcome.Kind == OutcomeKind.NewSession || !_session.CanResume;
        if (identifiesNext)
        {
            if (outcome.InvalidSession)
            {
                // Discord's examples wait a random 1–5 s before identifying again after op 9 d:false.
                delay = Max(delay, TimeSpan.FromSeconds(1 + 4 * _random.NextDouble()));
            }

            delay = Max(delay, _identifies.Delay(_maxConcurrency));
        }

        return delay;
    }

    private int CloseCodeFor(ConnectionOutcome outcome) => outcome.Kind switch
    {
        OutcomeKind.Stopped => _options.KeepSessionOnStop ? ResumableCloseCode : NormalCloseCode,
        OutcomeKind.Resume => ResumableCloseCode,
        OutcomeKind.Fatal => outcome.CloseCode ?? NormalCloseCode,
        _ => NormalCloseCode,
    };

    private ConnectionPlan PlanResume()
    {
        var url = _session.ResumeUrl is { } resumeUrl ? GatewayUris.Build(resumeUrl, "resume_gateway_url") : _gatewayUri!;
        var sequence = _session.LastSequence ?? 0;
        GatewayLog.Resuming(_logger, sequence);
        return new ConnectionPlan(url, null, new ResumeData(_discord.Token!, _session.SessionId!, sequence));
    }

    private async Task<ConnectionPlan?> PlanIdentifyAsync(CancellationToken stop)
    {
        GatewayBotInfo info;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_discord.RequestTimeoutSeconds), _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
            info = await _info.GetGatewayBotAsync(linked.Token);
        }
        catch (Exception ex) when (!stop.IsCancellationRequested && ex is not GatewayConfigurationException)
        {
            var retry = _backoff.Next();
            var wait = Task.Delay(retry, _time, stop);
            GatewayLog.GatewayInfoFailed(_logger, retry, ex);
            await wait;
            return null;
        }

        var limit = info.SessionStartLimit;
        _maxConcurrency = Math.Max(1, limit.MaxConcurrency);
        if (limit.Remaining <= 0)
        {
            var resetAfter = TimeSpan.FromMilliseconds(Math.Max(1000, limit.ResetAfter));
            var wait = Task.Delay(resetAfter, _time, stop);
            GatewayLog.SessionStartLimitExhausted(_logger, limit.Total, resetAfter);
            await wait;
            return null;
        }

        // Normally zero: the wait after the previous connection already covered the identify bucket.
        if (!_identifies.TryAcquire(_maxConcurrency, out var bucketWait))
        {
            await Task.Delay(bucketWait, _time, stop);
            return null;
        }

        var shardCount = _discord.ShardCount ?? Math.Max(1, info.Shards);
        var shardId = _discord.ShardId ?? 0;
        if (shardId >= shardCount)
        {
            throw new GatewayConfigurationException(
                $"Discord:ShardId ({shardId}) must be less than the shard count ({shardCount}); set Discord:ShardCount or lower Discord:ShardId.");
        }

        _gatewayUri = GatewayUris.Build(_discord.GatewayUrl ?? info.Url, _discord.GatewayUrl is null ? "GET /gateway/bot url" : "Discord:GatewayUrl");
        _session.Reset();
        var sendShard = _discord.ShardId is not null || _discord.ShardCount is not null || shardCount > 1;
        GatewayLog.Identifying(_logger, shardId, shardCount, _discord.Intents);
        var identify = new IdentifyData(
            _discord.Token!,
            new IdentifyProperties(OperatingSystemName(), "BotHost", "BotHost"),
            _discord.Intents,
            sendShard ? [shardId, shardCount] : null);
        return new ConnectionPlan(_gatewayUri, identify, null);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static void ValidateSettings(DiscordOptions discord)
    {
        if (string.IsNullOrWhiteSpace(discord.Token))
        {
            throw new GatewayConfigurationException("Discord:Token is empty; set it to the bot token, or run without the gateway.");
        }

        if (discord.ShardCount is < 1)
        {
            throw new GatewayConfigurationException("Discord:ShardCount must be at least 1 when set.");
        }

        if (discord.ShardId is < 0 || discord.ShardId >= discord.ShardCount)
        {
            throw new GatewayConfigurationException("Discord:ShardId must be between 0 and Discord:ShardCount - 1.");
        }

        if (discord.Intents < 0)
        {
            throw new GatewayConfigurationException("Discord:Intents must be a non-negative bit set (1 = GUILDS).");
        }

        if (discord.GatewayUrl is { } url)
        {
            GatewayUris.Build(url, "Discord:GatewayUrl");
        }
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsWindows() ? "windows"
        : OperatingSystem.IsMacOS() ? "macos"
        : OperatingSystem.IsFreeBSD() ? "freebsd"
        : "linux";
}
