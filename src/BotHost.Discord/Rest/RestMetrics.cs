using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace BotHost.Discord.Rest;

/// <summary>
/// The "BotHost.Discord.Rest" meter: every HTTP exchange with Discord (by method, route template and status), its
/// latency, and the 429s among them. Routes are templates (<c>/channels/{channel_id}/messages</c>), never ids or tokens.
/// </summary>
public sealed class RestMetrics
{
    // Seconds, not the exporter's millisecond-shaped defaults (0, 5, 10 … 10000).
    private static readonly InstrumentAdvice<double> LatencyBuckets = new() { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] };

    public const string MeterName = "BotHost.Discord.Rest";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _duration;

    public RestMetrics(IMeterFactory meterFactory)
        : this(meterFactory.Create(MeterName))
    {
    }

    private RestMetrics(Meter meter)
    {
        _requests = meter.CreateCounter<long>("bothost.discord.rest.requests", "{request}", "HTTP requests sent to Discord, by method, route and status (error: no answer).");
        _rateLimited = meter.CreateCounter<long>("bothost.discord.rest.rate_limited", "{response}", "429 answers from Discord, by route and scope (user, global, shared).");
        _duration = meter.CreateHistogram<double>("bothost.discord.rest.request.duration", "s", "Time from sending a request to Discord to reading its whole answer.", tags: null, advice: LatencyBuckets);
    }

    /// <summary>For a client built without a service provider: a meter of its own, still exported to a listener that asks for <see cref="MeterName"/>.</summary>
    internal static RestMetrics Unscoped() => new(new Meter(MeterName));

    internal void Answered(DiscordRoute route, int status, TimeSpan elapsed) => Record(route, status.ToString(CultureInfo.InvariantCulture), elapsed);

    internal void Failed(DiscordRoute route, TimeSpan elapsed) => Record(route, "error", elapsed);

    internal void RateLimited(DiscordRoute route, bool global, bool shared) =>
        _rateLimited.Add(1, new KeyValuePair<string, object?>("route", route.Template), new KeyValuePair<string, object?>("scope", global ? "global" : shared ? "shared" : "user"));

    private void Record(DiscordRoute route, string status, TimeSpan elapsed)
    {
        var tags = new TagList
        {
            { "method", route.Method.Method },
            { "route", route.Template },
            { "status", status },
        };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}
