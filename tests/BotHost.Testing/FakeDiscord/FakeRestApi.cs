using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BotHost.Testing.FakeDiscord;

/// <summary>
/// The REST half of the fake Discord: auth and User-Agent checks, per-bucket and global limits with real
/// X-RateLimit-* headers and 429s, nonce dedupe, message limit checks, fault injection, and a record of
/// every request for tests to assert on.
/// </summary>
public sealed partial class FakeRestApi
{
    private readonly TimeProvider _time;
    private readonly FakeWindowLimiter _limiter = new();
    private readonly ConcurrentQueue<FakeRestRequest> _requests = new();
    private readonly ConcurrentDictionary<ulong, FakeMessage> _messages = new();
    private readonly Dictionary<(ulong Channel, string Nonce), (ulong MessageId, DateTimeOffset At)> _nonces = [];
    private readonly Lock _createLock = new();
    private readonly FakeConditions _conditions = new();
    private long _nextId = 1_300_000_000_000_000_000;
    private int _totalRequests;
    private int _rateLimited;
    private int _globalRateLimited;
    private int _created;

    public FakeRestApi(TimeProvider time) => _time = time;

    public FakeRestOptions Options { get; } = new();

    /// <summary>What GET /gateway/bot reports; the fake gateway supplies it.</summary>
    internal Func<(int Remaining, int MaxConcurrency)> SessionStartLimit { get; set; } = () => (999, 1);

    public FakeRestFaults Faults { get; } = new();

    /// <summary>Guilds, roles, channels and members the fake knows, and per-channel refusals of message creation.</summary>
    public FakeGuilds Guilds { get; } = new();

    public int TotalRequests => Volatile.Read(ref _totalRequests);

    /// <summary>429 answers sent, forced or earned.</summary>
    public int RateLimitedCount => Volatile.Read(ref _rateLimited);

    /// <summary>429 answers sent because the global limit was exceeded (forced or earned).</summary>
    public int GlobalRateLimitedCount => Volatile.Read(ref _globalRateLimited);

    /// <summary>Messages created (a deduplicated nonce does not create one).</summary>
    public int CreatedMessageCount => Volatile.Read(ref _created);

    public IReadOnlyList<FakeRestRequest> Requests => [.. _requests];

    /// <summary>Every message ever created, in id order, including deleted ones (see <see cref="FakeMessage.Deleted"/>).</summary>
    public IReadOnlyList<FakeMessage> Messages => [.. _messages.Values.OrderBy(m => m.Id)];

    /// <summary>Completes once <paramref name="condition"/> holds (checked after every request and every stored change).</summary>
    public Task WaitUntilAsync(
        Func<FakeRestApi, bool> condition,
        TimeSpan? timeout = null,
        [CallerArgumentExpression(nameof(condition))] string? description = null)
        => _conditions.WaitAsync(() => condition(this), timeout, description);

    /// <summary>
    /// Runs one request: latency and faults, auth/User-Agent/rate limits, the route's handler, faults after
    /// commit. The request is recorded before its answer is written, so a client that has its answer can
    /// rely on the record being there.
    /// </summary>
    internal async Task HandleAsync(HttpContext context, FakeRoute route, Func<string, (int Status, JsonNode? Body)> handler)
    {
        Interlocked.Increment(ref _totalRequests);
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var receivedAt = _time.GetUtcNow();
        var body = await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted);
        var recorded = false;
        var committed = false;
        void Record(int status, JsonNode? answer)
        {
            recorded = true;
            var entry = new FakeRestRequest(
                request.Method,
                path,
                request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
                request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null,
                request.ContentType,
                body,
                receivedAt,
                status,
                committed,
                status >= 400 && answer?["code"] is JsonValue c && c.TryGetValue<int>(out var code) ? code : null);
            _requests.Enqueue(entry);
            route.Recorded?.Invoke(entry);
            _conditions.Changed();
        }

        try
        {
            if (Faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(Faults.Latency, _time, context.RequestAborted);
            }

            if (Faults.TryTakeDrop(path))
            {
                Record(0, null);
                context.Abort();
                return;
            }

            var refused = Gate(context, route, path);
            var (status, json) = refused ?? handler(body);
            committed = refused is null;
            if (committed && Faults.TryTakeAfterCommit(path, out var fault))
            {
                _conditions.Changed();
                switch (fault.Kind)
                {
                    case FakeRestFaults.FaultKind.DropAfterCommit:
                        Record(0, null);
                        context.Abort();
                        return;
                    case FakeRestFaults.FaultKind.FailAfterCommit:
                        (status, json) = Error(fault.Status, 0, $"{fault.Status}: injected failure after commit");
                        break;
                    default:
                        await Task.Delay(fault.Hold, _time, context.RequestAborted);
                        break;
                }
            }

            Record(status, json);
            context.Response.StatusCode = status;
            if (json is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout) or went away while the answer was held or written.
        }
        finally
        {
            if (!recorded)
            {
                Record(0, null);
            }
        }
    }

    internal (int, JsonNode?) GatewayBot() => (200, new JsonObject
    {
        ["url"] = Options.GatewayUrl,
        ["shards"] = Options.GatewayShards,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = 1000,
            ["remaining"] = SessionStartLimit().Remaining,
            ["reset_after"] = 14_400_000,
            ["max_concurrency"] = SessionStartLimit().MaxConcurrency,
        },
    });

    internal (int, JsonNode?) CurrentUser()
        => (200, new JsonObject { ["id"] = Id(Options.ApplicationId), ["username"] = "fake-bot", ["bot"] = true });

    internal (int, JsonNode?) CurrentApplication()
        => (200, new JsonObject { ["id"] = Id(Options.ApplicationId), ["name"] = "Fake BotHost" });

    /// <summary>Auth, User-Agent, injected faults and rate limits; null when the request may proceed.</summary>
    private (int, JsonNode?)? Gate(HttpContext context, FakeRoute route, string path)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if ((route.BotToken || authorization.Length > 0) && !string.Equals(authorization, "Bot " + Options.Token, StringComparison.Ordinal))
        {
            return Error(401, 0, "401: Unauthorized");
        }

        if (Options.RequireUserAgent && !context.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            return Error(403, 40333, "internal network error");
        }

        if (Faults.TryTakeStatus(path, out var failure))
        {
            return Error(failure, 0, $"{failure}: injected failure");
        }

        var headers = context.Response.Headers;
        if (Faults.TryTakeRateLimit(out var forced))
        {
            return RateLimited(headers, forced.RetryAfter, forced.Global, forced.Scope);
        }

        var now = _time.GetUtcNow();
        if (!route.GlobalExempt)
        {
            var global = _limiter.TryAcquire("global", Options.GlobalLimit, Options.GlobalWindow, now);
            if (!global.Allowed)
            {
                return RateLimited(headers, global.ResetAfter, global: true, "global");
            }
        }

        var decision = _limiter.TryAcquire($"{route.Bucket}:{route.Major}", Options.BucketLimit, Options.BucketWindow, now);
        headers["X-RateLimit-Bucket"] = route.Bucket;
        headers["X-RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        // Rounded up to the millisecond so a client waiting exactly this long never arrives early.
        headers["X-RateLimit-Reset-After"] = Seconds(decision.ResetAfter);
        headers["X-RateLimit-Reset"] = Seconds(decision.ResetAt - DateTimeOffset.UnixEpoch);
        return decision.Allowed ? null : RateLimited(headers, decision.ResetAfter, global: false, "user");
    }

    private (int, JsonNode?) RateLimited(IHeaderDictionary headers, TimeSpan retryAfter, bool global, string scope)
    {
        Interlocked.Increment(ref _rateLimited);
        if (global)
        {
            Interlocked.Increment(ref _globalRateLimited);
        }

        headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = scope;
        if (global)
        {
            headers["X-RateLimit-Global"] = "true";
        }

        return (429, new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Ceiling(retryAfter.TotalMilliseconds) / 1000.0,
            ["global"] = global,
        });
    }

    internal static (int, JsonNode?) InvalidForm(JsonObject errors)
        => (400, new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body", ["errors"] = errors });

    internal static (int, JsonNode?) Error(int status, int code, string message)
        => (status, new JsonObject { ["code"] = code, ["message"] = message });

    internal static JsonNode? ParseAny(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Seconds(TimeSpan span) => (Math.Ceiling(span.TotalMilliseconds) / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
