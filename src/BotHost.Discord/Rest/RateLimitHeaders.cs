using System.Globalization;
using System.Net.Http.Headers;

namespace BotHost.Discord.Rest;

/// <summary>
/// Every rate-limit header of one response, parsed in one place (D: Rate Limits › Header Format,
/// › Exceeding A Rate Limit). Absent or malformed headers are null: a route without limits sends none.
/// </summary>
internal readonly record struct RateLimitHeaders
{
    public int? Limit { get; init; }

    public int? Remaining { get; init; }

    /// <summary>X-RateLimit-Reset: epoch seconds, may have decimals.</summary>
    public DateTimeOffset? Reset { get; init; }

    /// <summary>X-RateLimit-Reset-After: seconds, may have decimals; preferred over Reset (no clock skew).</summary>
    public TimeSpan? ResetAfter { get; init; }

    public string? Bucket { get; init; }

    /// <summary>X-RateLimit-Global: true, only on a 429 from the global limit.</summary>
    public bool Global { get; init; }

    /// <summary>X-RateLimit-Scope on a 429: "user", "global" or "shared".</summary>
    public string? Scope { get; init; }

    /// <summary>Retry-After header (seconds) on a 429.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A shared-scope 429 is someone else's limit; Discord does not count it as an invalid request.</summary>
    public bool IsSharedScope => string.Equals(Scope, "shared", StringComparison.OrdinalIgnoreCase);

    public bool IsGlobal => Global || string.Equals(Scope, "global", StringComparison.OrdinalIgnoreCase);

    public static RateLimitHeaders Parse(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new RateLimitHeaders
        {
            Limit = (int?)Number(headers, "X-RateLimit-Limit"),
            Remaining = (int?)Number(headers, "X-RateLimit-Remaining"),
            Reset = Number(headers, "X-RateLimit-Reset") is { } epoch and < 1e11 ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(epoch * 1000)) : null,
            ResetAfter = Seconds(headers, "X-RateLimit-Reset-After"),
            Bucket = Text(headers, "X-RateLimit-Bucket"),
            Global = string.Equals(Text(headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase),
            Scope = Text(headers, "X-RateLimit-Scope"),
            RetryAfter = Seconds(headers, "Retry-After"),
        };
    }

    private static string? Text(HttpResponseHeaders headers, string name)
        => headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static double? Number(HttpResponseHeaders headers, string name)
        => Text(headers, name) is { } text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) && value >= 0
            ? value
            : null;

    private static TimeSpan? Seconds(HttpResponseHeaders headers, string name)
        => Number(headers, name) is { } seconds and < 1e9 ? TimeSpan.FromMilliseconds(Math.Round(seconds * 1000)) : null;
}
