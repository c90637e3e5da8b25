using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Rest;

/// <summary>
/// Maps requests to their <see cref="RateLimitBucket"/>. The bucket hash is only known after a first
/// response on a route (X-RateLimit-Bucket), so (method + template) → hash is learned as responses arrive.
/// </summary>
internal sealed class RouteBuckets
{
    private readonly ConcurrentDictionary<string, string> _hashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<RouteBucketKey, RateLimitBucket> _buckets = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RouteBuckets(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    public int Count => _buckets.Count;

    public RateLimitBucket Get(DiscordRoute route)
    {
        var key = _hashByRoute.TryGetValue(RouteName(route), out var hash)
            ? new RouteBucketKey(hash, route.MajorParameter)
            : RouteBucketKey.Unlearned(route);
        return _buckets.GetOrAdd(key, static (k, self) => new RateLimitBucket(k, self._time, self._logger), this);
    }

    /// <summary>
    /// Records the hash for the route and returns the bucket that now holds that limit. The bucket that carried
    /// the request is filed under the learned key when it is the first there, so requests arriving later share
    /// its state; when another route already holds the key (routes sharing a hash), that bucket is returned, and
    /// the caller must apply this response's headers to it rather than to the route's own, now unused, bucket.
    /// </summary>
    public RateLimitBucket Learn(DiscordRoute route, string? hash, RateLimitBucket current)
    {
        if (string.IsNullOrEmpty(hash))
        {
            return current;
        }

        var name = RouteName(route);
        if (!_hashByRoute.TryGetValue(name, out var known) || !string.Equals(known, hash, StringComparison.Ordinal))
        {
            _hashByRoute[name] = hash;
            RestLog.BucketLearned(_logger, route.Method.Method, route.Template, hash);
        }

        return _buckets.GetOrAdd(new RouteBucketKey(hash, route.MajorParameter), current);
    }

    private static string RouteName(DiscordRoute route) => $"{route.Method.Method} {route.Template}";
}
