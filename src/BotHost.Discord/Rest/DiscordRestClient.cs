using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BotHost.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Rest;

/// <summary>
/// BotHost's own Discord API v10 REST client: per-route buckets, a proactive global limit, 429 and 5xx
/// handling, invalid-request accounting. Register it once (it holds the rate-limit state).
/// </summary>
public sealed partial class DiscordRestClient : IDiscordMessenger
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly Func<HttpClient> _http;
    private readonly DiscordRestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _baseUrl;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly string _userAgent;
    private readonly TimeSpan _requestTimeout;
    private readonly RouteBuckets _buckets;
    private readonly GlobalRateLimiter _global;
    private readonly InvalidRequestCounter _invalid;
    private readonly RestMetrics _metrics;
    private volatile bool _tokenRejected;

    public DiscordRestClient(
        HttpClient http, IOptions<DiscordOptions> options, IOptions<DiscordRestOptions> restOptions, TimeProvider time, ILogger<DiscordRestClient> logger, RestMetrics? metrics = null)
        : this(() => http, options.Value, restOptions.Value, time, logger, metrics)
    {
        ArgumentNullException.ThrowIfNull(http);
    }

    public DiscordRestClient(
        IHttpClientFactory httpClientFactory, IOptions<DiscordOptions> options, IOptions<DiscordRestOptions> restOptions, TimeProvider time, ILogger<DiscordRestClient> logger, RestMetrics? metrics = null)
        : this(() => httpClientFactory.CreateClient(HttpClientName), options.Value, restOptions.Value, time, logger, metrics)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
    }

    private DiscordRestClient(Func<HttpClient> http, DiscordOptions options, DiscordRestOptions restOptions, TimeProvider time, ILogger logger, RestMetrics? metrics)
    {
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            throw new InvalidOperationException("Discord:Token is empty. Set it to the bot token from the developer portal, or run without the Discord client.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10 (was '{options.ApiBaseUrl}').");
        }

        if (options.RequestTimeoutSeconds <= 0)
        {
            throw new InvalidOperationException($"Discord:RequestTimeoutSeconds must be greater than 0 (was {options.RequestTimeoutSeconds}).");
        }

        _http = http;
        _metrics = metrics ?? RestMetrics.Unscoped();
        _options = restOptions;
        _time = time;
        _logger = logger;
        _baseUrl = options.ApiBaseUrl.TrimEnd('/');
        _authorization = new AuthenticationHeaderValue("Bot", options.Token.Trim());
        var version = typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
        _userAgent = $"DiscordBot ({options.UserAgentUrl}, {version})";
        _requestTimeout = TimeSpan.FromSeconds(options.RequestTimeoutSeconds);
        _buckets = new RouteBuckets(time, logger);
        _global = new GlobalRateLimiter(restOptions.GlobalRequestsPerSecond, restOptions.GlobalWindowMargin, time);
        _invalid = new InvalidRequestCounter(restOptions.InvalidRequestThrottleThreshold, restOptions.InvalidRequestWindow, restOptions.InvalidRequestThrottleDelay, time);
    }

    /// <summary>Name of the IHttpClientFactory client this uses when built from a factory.</summary>
    public const string HttpClientName = "BotHost.Discord.Rest";

    /// <summary>401/403/429 answers counted in the current rolling window.</summary>
    internal int InvalidRequestCount => _invalid.Count;

    /// <summary>POST /channels/{channel_id}/messages, after <see cref="DiscordLimits"/> validation.</summary>
    public Task<Message> CreateMessageAsync(ulong channelId, MessageCreate message, CancellationToken cancellationToken)
    {
        DiscordLimits.Validate(message);
        var route = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", Id(channelId));
        return SendAsync(route, message, DiscordRestJsonContext.Default.MessageCreate, DiscordRestJsonContext.Default.Message, cancellationToken);
    }

    /// <summary>PATCH /channels/{channel_id}/messages/{message_id}, after <see cref="DiscordLimits"/> validation.</summary>
    public Task<Message> EditMessageAsync(ulong channelId, ulong messageId, MessageEdit edit, CancellationToken cancellationToken)
    {
        DiscordLimits.Validate(edit);
        var route = DiscordRoute.Create(HttpMethod.Patch, "/channels/{channel_id}/messages/{message_id}", Id(channelId), Id(messageId));
        return SendAsync(route, edit, DiscordRestJsonContext.Default.MessageEdit, DiscordRestJsonContext.Default.Message, cancellationToken);
    }

    /// <summary>DELETE /channels/{channel_id}/messages/{message_id}.</summary>
    public async Task DeleteMessageAsync(ulong channelId, ulong messageId, CancellationToken cancellationToken)
    {
        var route = DiscordRoute.Create(HttpMethod.Delete, "/channels/{channel_id}/messages/{message_id}", Id(channelId), Id(messageId));
        await SendAsync(route, body: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET /applications/@me.</summary>
    public Task<Application> GetCurrentApplicationAsync(CancellationToken cancellationToken)
        => SendAsync(DiscordRoute.Create(HttpMethod.Get, "/applications/@me"), DiscordRestJsonContext.Default.Application, cancellationToken);

    /// <summary>GET /gateway/bot: gateway URL, recommended shards, identify budget. Do not cache for long.</summary>
    public Task<GatewayBot> GetGatewayBotAsync(CancellationToken cancellationToken)
        => SendAsync(DiscordRoute.Create(HttpMethod.Get, "/gateway/bot"), DiscordRestJsonContext.Default.GatewayBot, cancellationToken);

    Task<Message> IDiscordMessenger.SendMessageAsync(ulong channelId, MessageCreate message, CancellationToken cancellationToken)
        => CreateMessageAsync(channelId, message, cancellationToken);

    internal async Task<TResponse> SendAsync<TRequest, TResponse>(DiscordRoute route, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var response = await SendAsync(route, JsonSerializer.SerializeToUtf8Bytes(body, requestType), cancellationToken).ConfigureAwait(false);
        return Deserialize(route, response, responseType);
    }

    internal async Task<TResponse> SendAsync<TResponse>(DiscordRoute route, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var response = await SendAsync(route, body: null, cancellationToken).ConfigureAwait(false);
        return Deserialize(route, response, responseType);
    }

    /// <summary>
    /// Sends one request through the rate limiters, retrying 429s (after their wait) and transient failures
    /// (5xx, dropped connection, timeout) a bounded number of times. Other errors throw <see cref="DiscordHttpException"/>.
    /// </summary>
    internal async Task<DiscordResponse> SendAsync(DiscordRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        var rateLimited = 0;
        var failures = 0;
        while (true)
        {
            if (_tokenRejected && route.UsesBotToken)
            {
                throw new DiscordHttpException(HttpStatusCode.Unauthorized, Name(route), null, "The bot token was rejected earlier; no further requests are sent.", []);
            }

            await ThrottleIfInvalidAsync(cancellationToken).ConfigureAwait(false);
            var (response, transient) = await SendThroughBucketAsync(route, body, cancellationToken).ConfigureAwait(false);
            if (response is { IsSuccess: true })
            {
                return response;
            }

            if (response?.Status == HttpStatusCode.TooManyRequests)
            {
                if (++rateLimited > _options.MaxRateLimitRetries)
                {
                    throw Error(route, response);
                }

                continue;
            }

            if (transient is not null || (int)response!.Status >= 500)
            {
                var safeToRepeat = RepeatSafety.IsSafeToRepeat(route, body);
                if (!safeToRepeat)
                {
                    // A timeout, drop or 5xx may still have created the message; only a nonce Discord enforces makes a repeat harmless.
                    RestLog.NotRetried(_logger, route.Method.Method, route.Template, transient?.GetType().Name ?? ((int)response!.Status).ToString(CultureInfo.InvariantCulture));
                }

                if (failures >= _options.MaxRetries || !safeToRepeat)
                {
                    if (transient is not null)
                    {
                        ExceptionDispatchInfo.Throw(transient);
                    }

                    throw Error(route, response!);
                }

                var delay = _options.RetryBaseDelay * Math.Pow(2, failures++);
                var reason = transient?.GetType().Name ?? ((int)response!.Status).ToString(CultureInfo.InvariantCulture);
                // The timer exists before the line is logged, so a test advancing a fake clock on seeing it always fires it.
                var wait = Task.Delay(delay, _time, cancellationToken);
                RestLog.Retrying(_logger, route.Method.Method, route.Template, reason, failures, _options.MaxRetries, delay);
                await wait.ConfigureAwait(false);
                continue;
            }

            if (response.Status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                _invalid.Record();
            }

            if (response.Status == HttpStatusCode.Unauthorized && route.UsesBotToken)
            {
                // Discord: stop using a token after a 401; repeating it only feeds the invalid-request ban.
                _tokenRejected = true;
                RestLog.TokenRejected(_logger, route.Method.Method, route.Template);
            }

            throw Error(route, response);
        }
    }

    private async Task<(DiscordResponse? Response, Exception? Transient)> SendThroughBucketAsync(DiscordRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        var bucket = _buckets.Get(route);
        await bucket.EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DiscordResponse response;
            using (route.IsGlobalExempt ? default : await _global.AcquireAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    response = await ExchangeAsync(route, body, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException && !cancellationToken.IsCancellationRequested)
                {
                    return (null, e);
                }
            }

            var limit = _buckets.Learn(route, response.RateLimit.Bucket, bucket);
            limit.Update(response.RateLimit);
            if (response.Status == HttpStatusCode.TooManyRequests)
            {
                OnRateLimited(route, response, limit);
            }

            return (response, null);
        }
        finally
        {
            bucket.Exit();
        }
    }

    private void OnRateLimited(DiscordRoute route, DiscordResponse response, RateLimitBucket bucket)
    {
        var headers = response.RateLimit;
        var parsed = TryDeserialize(response.Body, DiscordRestJsonContext.Default.RateLimitResponse);
        var retryAfter = parsed is { RetryAfter: > 0 } ? TimeSpan.FromSeconds(parsed.RetryAfter)
            : headers.RetryAfter ?? headers.ResetAfter ?? TimeSpan.FromSeconds(1);
        var global = headers.IsGlobal || parsed?.Global == true;
        var until = _time.GetUtcNow() + retryAfter;
        if (global)
        {
            _global.PauseUntil(until);
        }
        else
        {
            bucket.PauseUntil(until);
        }

        if (!headers.IsSharedScope)
        {
            _invalid.Record();
        }

        RestLog.RateLimited(_logger, route.Method.Method, route.Template, retryAfter, global, headers.Scope);
        _metrics.RateLimited(route, global, headers.IsSharedScope);
    }

    private async Task ThrottleIfInvalidAsync(CancellationToken cancellationToken)
    {
        var delay = _invalid.ThrottleDelay();
        if (delay > TimeSpan.Zero)
        {
            RestLog.InvalidRequestThrottle(_logger, _invalid.Count, delay);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DiscordResponse> ExchangeAsync(DiscordRoute route, byte[]? body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(route.Method, new Uri(_baseUrl + route.Path, UriKind.Absolute));
        if (route.UsesBotToken)
        {
            request.Headers.Authorization = _authorization;
        }

        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }

        RestLog.Sending(_logger, route.Method.Method, route.Template);
        var started = _time.GetTimestamp();
        try
        {
            using var response = await _http().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var bytes = await ReadCappedAsync(route, response.Content, linked.Token).ConfigureAwait(false);
            var elapsed = _time.GetElapsedTime(started);
            RestLog.Answered(_logger, route.Method.Method, route.Template, (int)response.StatusCode, (long)elapsed.TotalMilliseconds);
            _metrics.Answered(route, (int)response.StatusCode, elapsed);
            return new DiscordResponse(response.StatusCode, RateLimitHeaders.Parse(response.Headers), bytes);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _metrics.Failed(route, _time.GetElapsedTime(started));
            if (e is OperationCanceledException && timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"{Name(route)} got no answer within {_requestTimeout.TotalSeconds} s (Discord:RequestTimeoutSeconds).");
            }

            throw;
        }
    }

    private async Task<byte[]> ReadCappedAsync(DiscordRoute route, HttpContent content, CancellationToken cancellationToken)
    {
        var cap = _options.MaxResponseBytes;
        if (content.Headers.ContentLength > cap)
        {
            throw new InvalidDataException($"{Name(route)} answered with {content.Headers.ContentLength} bytes, more than Discord:Rest:MaxResponseBytes ({cap}).");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                throw new InvalidDataException($"{Name(route)} answered with more than Discord:Rest:MaxResponseBytes ({cap}) bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static DiscordHttpException Error(DiscordRoute route, DiscordResponse response)
    {
        var error = TryDeserialize(response.Body, DiscordRestJsonContext.Default.DiscordErrorResponse);
        return new DiscordHttpException(
            response.Status,
            Name(route),
            error?.Code,
            error?.Message,
            FieldErrorReader.Read(error?.Errors));
    }

    private static TResponse Deserialize<TResponse>(DiscordRoute route, DiscordResponse response, JsonTypeInfo<TResponse> type)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, type)
                ?? throw new InvalidDataException($"{Name(route)} answered {(int)response.Status} with an empty body.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Name(route)} answered with JSON that does not match {typeof(TResponse).Name}: {e.Message}", e);
        }
    }

    private static T? TryDeserialize<T>(byte[] body, JsonTypeInfo<T> type)
        where T : class
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Name(DiscordRoute route) => $"{route.Method.Method} {route.Template}";

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
