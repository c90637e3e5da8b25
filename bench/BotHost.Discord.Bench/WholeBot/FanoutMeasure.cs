using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Bench.WholeBot;

/// <summary>
/// What the fake Discord saw of a fan-out: every POST /channels/{id}/messages, when it arrived and how it was
/// answered. The fake's limits are fixed windows that start full, so a run's first window is a free burst; the
/// fraction of the allowed rate is therefore read as the shortest span from first to last request the limits
/// permit for the same requests (global: one window per <see cref="SystemScale.GlobalLimit"/> requests after the
/// first; per channel: one bucket window per <see cref="SystemScale.BucketLimit"/>), divided by the span measured.
/// For long runs this is achieved rate / allowed rate; for short ones it does not credit the free first window.
/// </summary>
internal sealed record FanoutMeasure(
    int Channels, int Requests, int Created, int Http429, int Global429, double Seconds, double ShortestSeconds, double AchievedRate, double AllowedRate)
{
    public double Fraction => Seconds > 0 ? ShortestSeconds / Seconds : double.NaN;

    public static FanoutMeasure From(FakeRestApi rest)
    {
        var posts = rest.Requests
            .Where(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && r.Path.EndsWith("/messages", StringComparison.Ordinal))
            .OrderBy(r => r.ReceivedAt)
            .ToList();
        var accepted = posts.Where(r => r.Status is >= 200 and < 300).ToList();
        var perChannel = accepted.GroupBy(r => r.Path).Select(g => g.Count()).ToList();
        var channels = perChannel.Count;
        var seconds = posts.Count > 1 ? (posts[^1].ReceivedAt - posts[0].ReceivedAt).TotalSeconds : 0;
        var globalShortest = Math.Max(0, Math.Ceiling(accepted.Count / (double)SystemScale.GlobalLimit) - 1);
        var bucketShortest = perChannel.Count == 0 ? 0
            : (Math.Ceiling(perChannel.Max() / (double)SystemScale.BucketLimit) - 1) * SystemScale.BucketWindow.TotalSeconds;
        var allowed = Math.Min(SystemScale.GlobalLimit, channels * SystemScale.BucketLimit / SystemScale.BucketWindow.TotalSeconds);
        return new FanoutMeasure(
            channels, posts.Count, accepted.Count, rest.RateLimitedCount, rest.GlobalRateLimitedCount, seconds,
            Math.Max(globalShortest, bucketShortest), seconds > 0 ? accepted.Count / seconds : double.NaN, allowed);
    }

    /// <summary>Accepted posts per second of the run, from its first request: shows whether the pace held throughout.</summary>
    public static IReadOnlyList<int> PerSecond(FakeRestApi rest)
    {
        var posts = rest.Requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Status is >= 200 and < 300)
            .Select(r => r.ReceivedAt).Order().ToList();
        return posts.Count == 0 ? [] : [.. posts.GroupBy(t => (int)(t - posts[0]).TotalSeconds).OrderBy(g => g.Key).Select(g => g.Count())];
    }
}
