using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Feeds.Fetching;

/// <summary>
/// Fetches one feed document from an http(s) URL, a file:// URL or a file path, with conditional GET, one
/// overall deadline, a decompressed-size cap, hand-followed redirects and a private-address guard.
/// Remote and file failures come back as <see cref="FetchStatus.Failed"/>; only caller cancellation throws.
/// </summary>
public sealed class FeedFetcher
{
    internal const string HttpClientName = "BotHost.Feeds";

    /// <summary>All sources read from disk share one limiter key; it cannot collide with a DNS host name.</summary>
    internal const string FileLimiterKey = "file:";

    private const string AcceptedTypes =
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, " +
        "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly FeedOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<FeedFetcher> _logger;
    private readonly FetchConcurrencyLimiter _limiter;

    public FeedFetcher(
        IHttpClientFactory httpClientFactory,
        IOptions<FeedOptions> options,
        TimeProvider time,
        ILogger<FeedFetcher> logger,
        FetchConcurrencyLimiter? limiter = null)
    {
        _httpClientFactory = httpClientFactory;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _limiter = limiter ?? new FetchConcurrencyLimiter(options);
    }

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = _time.GetTimestamp();
        var result = FetchTarget.TryParse(request.Location, out var target, out var locationError)
            ? await FetchTargetAsync(request, target, started, cancellationToken).ConfigureAwait(false)
            : Failed(started, locationError);

        switch (result.Status)
        {
            case FetchStatus.Ok:
                FeedFetchLog.Fetched(_logger, UrlSecretRedactor.Redact(request.Location), result.HttpStatus, result.Body?.Length ?? 0, (long)result.Elapsed.TotalMilliseconds);
                break;
            case FetchStatus.NotModified:
                FeedFetchLog.NotModified(_logger, UrlSecretRedactor.Redact(request.Location));
                break;
            default:
                FeedFetchLog.Failed(_logger, UrlSecretRedactor.Redact(request.Location), result.Error ?? "unknown error");
                break;
        }

        return result;
    }

    /// <summary>
    /// <see cref="FetchAsync"/> for a caller that reads the document as a stream: a local file within
    /// Feeds:MaxBodyBytes is opened rather than read into memory; anything else (and every failure) goes through
    /// <see cref="FetchAsync"/> with its caps, timeout and errors.
    /// </summary>
    public async Task<FetchedDocument> OpenAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (FetchTarget.TryParse(request.Location, out var target, out _) && target.FilePath is { } path && OpenFile(path) is { } file)
        {
            return file;
        }

        var result = await FetchAsync(request, cancellationToken).ConfigureAwait(false);
        var content = result.Body is { } body ? new MemoryStream(body, 0, body.Length, writable: false, publiclyVisible: true) : null;
        return new FetchedDocument(result with { Body = null }, content);
    }

    private FetchedDocument? OpenFile(string path)
    {
        var started = _time.GetTimestamp();
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // FetchAsync says what is wrong with it
        }

        if (!stream.CanSeek || stream.Length > _options.MaxBodyBytes)
        {
            stream.Dispose();
            return null;
        }

        FeedFetchLog.Fetched(_logger, path, null, (int)Math.Min(int.MaxValue, stream.Length), 0);
        return new FetchedDocument(new FetchResult(FetchStatus.Ok, null, null, null, null, new Uri(path), null, null, null, Elapsed(started)), stream);
    }

    private async Task<FetchResult> FetchTargetAsync(FetchRequest request, FetchTarget target, long started, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(target.LimiterKey, cancellationToken).ConfigureAwait(false);

        // One deadline covers connect, headers, every redirect hop and the whole body.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            return target.HttpUri is { } uri
                ? await FetchHttpAsync(request, uri, started, linked.Token).ConfigureAwait(false)
                : await FetchFileAsync(target.FilePath!, started, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"Fetch of {UrlSecretRedactor.Redact(request.Location)} was cancelled.", ex, cancellationToken);
        }
        catch (Exception) when (deadline.IsCancellationRequested)
        {
            return Failed(started, $"Timed out after {_options.TimeoutSeconds} s fetching {request.Location}; the source is slow or stalled (raise Feeds:TimeoutSeconds if it is legitimately slow).");
        }
        catch (Exception ex) when (Describe(ex, target.FilePath ?? request.Location) is { } error)
        {
            return Failed(started, error);
        }
    }

    private async Task<FetchResult> FetchHttpAsync(FetchRequest request, Uri start, long started, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(HttpClientName);
        var uri = start;
        var visited = new HashSet<Uri> { uri };
        for (var redirects = 0; ; redirects++)
        {
            if (!_options.AllowPrivateAddresses && IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && PrivateAddressRanges.Contains(literal))
            {
                return Failed(started, PrivateAddressError(uri.IdnHost, literal), finalUri: uri);
            }

            using var message = CreateRequest(uri, request);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is not (301 or 302 or 303 or 307 or 308))
            {
                return await ReadResponseAsync(response, request, uri, started, cancellationToken).ConfigureAwait(false);
            }

            if (response.Headers.Location is not { } location)
            {
                return Failed(started, $"HTTP {status} redirect from {uri} has no Location header; check the source URL.", status, uri);
            }

            var next = location.IsAbsoluteUri ? location : new Uri(uri, location);
            if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
            {
                return Failed(started, $"Redirect from {uri} to {next} refused: only http and https redirects are followed; point the source at the final URL if it is trusted.", status, uri);
            }

            if (!visited.Add(next))
            {
                return Failed(started, $"Redirect loop: {uri} redirects back to {next}; fix the source URL or the server's redirects.", status, uri);
            }

            if (redirects + 1 > _options.MaxRedirects)
            {
                return Failed(started, $"More than {_options.MaxRedirects} redirects starting at {start}; point the source at the final URL (last: {next}) or raise Feeds:MaxRedirects.", status, uri);
            }

            FeedFetchLog.Redirect(_logger, status, uri, next);
            uri = next;
        }
    }

    private HttpRequestMessage CreateRequest(Uri uri, FetchRequest request)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, uri);
        message.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        message.Headers.TryAddWithoutValidation("Accept", AcceptedTypes);

        // Validators go back exactly as the server sent them; re-formatting a date can defeat the server's match.
        if (!string.IsNullOrEmpty(request.ETag))
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        }

        if (!string.IsNullOrEmpty(request.LastModified))
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        }

        return message;
    }

    private async Task<FetchResult> ReadResponseAsync(HttpResponseMessage response, FetchRequest request, Uri uri, long started, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var etag = RawHeader(response.Headers, "ETag");
        var lastModified = RawHeader(response.Content.Headers, "Last-Modified");
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchResult(FetchStatus.NotModified, null, null, etag ?? request.ETag, lastModified ?? request.LastModified, uri, status, null, null, Elapsed(started));
        }

        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = status is 429 or 503 ? RetryAfter(response.Headers.RetryAfter) : null;
            return Failed(started, StatusError(status, response.ReasonPhrase, uri, retryAfter), status, uri, retryAfter);
        }

        var length = response.Content.Headers.ContentLength;
        if (length > _options.MaxBodyBytes)
        {
            return Failed(started, TooLargeError(uri.ToString(), length), status, uri);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = await CappedBody.ReadAsync(stream, _options.MaxBodyBytes, length, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                return Failed(started, TooLargeError(uri.ToString(), null), status, uri);
            }

            var contentType = response.Content.Headers.ContentType?.ToString();
            return new FetchResult(FetchStatus.Ok, body, contentType, etag, lastModified, uri, status, null, null, Elapsed(started));
        }
    }

    private async Task<FetchResult> FetchFileAsync(string path, long started, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var finalUri = new Uri(path);

            // Pipes and devices have no length; the streaming cap still applies to them.
            long? length = stream.CanSeek ? stream.Length : null;
            if (length > _options.MaxBodyBytes)
            {
                return Failed(started, TooLargeError(path, length), finalUri: finalUri);
            }

            var body = await CappedBody.ReadAsync(stream, _options.MaxBodyBytes, length, cancellationToken).ConfigureAwait(false);
            return body is null
                ? Failed(started, TooLargeError(path, null), finalUri: finalUri)
                : new FetchResult(FetchStatus.Ok, body, null, null, null, finalUri, null, null, null, Elapsed(started));
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        var delay = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - _time.GetUtcNow(),
            _ => (TimeSpan?)null,
        };
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }

    private static string StatusError(int status, string? reason, Uri uri, TimeSpan? retryAfter)
    {
        var what = $"HTTP {status}{(string.IsNullOrEmpty(reason) ? "" : " " + reason)} from {uri}";
        return status switch
        {
            429 or 503 when retryAfter is { } wait => $"{what}; the server asks to wait {wait.TotalSeconds:0} s (Retry-After), the next fetch is delayed accordingly.",
            429 => $"{what}; the server is rate limiting, the next fetch backs off (raise the source's interval if this repeats).",
            401 or 403 => $"{what}; the server refuses access, check the URL or remove the source.",
            404 or 410 => $"{what}; the feed is not there, check the source URL (it may have moved).",
            >= 500 => $"{what}; server error, the fetch is retried with backoff.",
            _ => $"{what}; check the source URL.",
        };
    }

    private string TooLargeError(string target, long? declaredLength) => declaredLength is { } declared
        ? $"{target} is {declared} bytes, over the {_options.MaxBodyBytes}-byte cap; raise Feeds:MaxBodyBytes if this feed is legitimately that large."
        : $"Body of {target} passed the {_options.MaxBodyBytes}-byte cap (counted after decompression) and was cut; raise Feeds:MaxBodyBytes if this feed is legitimately that large.";

    private static string PrivateAddressError(string host, IPAddress address) =>
        $"Refused {host}: it resolves to non-public address {address} (loopback, private, link-local or similar); set Feeds:AllowPrivateAddresses=true only for a trusted local source.";

    private static string? Describe(Exception ex, string target)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is PrivateAddressRefusedException refused)
            {
                return PrivateAddressError(refused.Host, refused.Address);
            }
        }

        return ex switch
        {
            FileNotFoundException or DirectoryNotFoundException =>
                $"File not found: {target}; check the source path (relative paths resolve against {Environment.CurrentDirectory}; web addresses need http:// or https://).",
            UnauthorizedAccessException => $"Cannot read {target}: access denied; check the file's permissions.",
            HttpRequestException http => $"Could not fetch {target}: {WithCause(http)}; check the URL and that the server is reachable.",
            InvalidDataException bad => $"Could not decompress the body of {target}: {OneLine(bad.Message)}; the server sends a broken Content-Encoding.",
            IOException io => $"Reading {target} failed: {OneLine(io.Message)}; the connection or file broke mid-read, the fetch is retried with backoff.",
            _ => null,
        };
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>HttpRequestException's own message is generic ("An error occurred while sending the request").</summary>
    private static string WithCause(Exception ex)
    {
        var root = ex;
        while (root.InnerException is not null)
        {
            root = root.InnerException;
        }

        var cause = root.Message.TrimEnd('.');
        return OneLine(ex.Message.Contains(cause, StringComparison.Ordinal) ? ex.Message : $"{ex.Message.TrimEnd('.')} ({cause})");
    }

    private static string? RawHeader(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;

    private TimeSpan Elapsed(long started) => _time.GetElapsedTime(started);

    private FetchResult Failed(long started, string error, int? status = null, Uri? finalUri = null, TimeSpan? retryAfter = null) =>
        new(FetchStatus.Failed, null, null, null, null, finalUri, status, retryAfter, UrlSecretRedactor.Redact(error), Elapsed(started));
}
