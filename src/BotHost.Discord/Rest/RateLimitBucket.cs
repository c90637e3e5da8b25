using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Rest;

/// <summary>
/// One route bucket. Requests pass one at a time (the gate is held until the response headers are read),
/// so no request ever fires into a bucket known to be exhausted.
/// </summary>
internal sealed class RateLimitBucket
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private int? _remaining;
    private DateTimeOffset _resetAt;

    public RateLimitBucket(RouteBucketKey key, TimeProvider time, ILogger logger)
    {
        Key = key;
        _time = time;
        _logger = logger;
    }

    public RouteBucketKey Key { get; }

    /// <summary>Waits for the bucket's turn and, if it is exhausted, for its reset. Pair with <see cref="Exit"/>.</summary>
    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RateLimitDelay.UntilAsync(DelayBeforeNext, _time, cancellationToken, delay => RestLog.BucketWait(_logger, Key.ToString(), delay)).ConfigureAwait(false);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    public void Exit() => _gate.Release();

    public TimeSpan DelayBeforeNext()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            return _remaining is 0 && _resetAt > now ? _resetAt - now : TimeSpan.Zero;
        }
    }

    public void Update(in RateLimitHeaders headers)
    {
        lock (_lock)
        {
            if (headers.Remaining is { } remaining)
            {
                _remaining = remaining;
            }

            if (headers.ResetAfter is { } resetAfter)
            {
                _resetAt = _time.GetUtcNow() + resetAfter;
            }
            else if (headers.Reset is { } reset)
            {
                _resetAt = reset;
            }
        }
    }

    /// <summary>After a 429 on this bucket: nothing more until <paramref name="until"/>.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_lock)
        {
            _remaining = 0;
            if (until > _resetAt)
            {
                _resetAt = until;
            }
        }
    }
}
