using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Bench.WholeBot;

/// <summary>
/// What the fake Discord saw of a fan-out: every POST /channels/{id}/messages, when it arrived and how it was
/// answered. The fake's global limit is fixed one-second windows counted from the first request, so the fraction of
/// the allowed rate is the sustained one: accepted posts in every window but the last (the run's remainder, partly
/// empty by nature) over what those windows allow.
/// <see cref="ShortestScheduleFraction"/> keeps the stricter reading: the span a client bursting a full window at
/// each window's start would need, over the span measured. It rewards sending each window's requests at once,
/// so a client pacing them at exactly the allowed rate scores (n - 1) / n over n windows (0.875 for 4,000 posts).
/// A run shorter than two windows has no full window; the stricter reading stands in for it.
/// </summary>
internal sealed record FanoutMeasure(
    int Channels, int Requests, int Created, int Http429, int Global429, double Seconds, double ShortestSeconds, double AchievedRate, double AllowedRate,
    IReadOnlyList<int> PostsPerSecond)
{
    public double ShortestScheduleFraction => Seconds > 0 ? ShortestSeconds / Seconds : double.NaN;

    /// <summary>Accepted posts per allowed post in every window but the last; NaN under two windows.</summary>
    public double SustainedFraction => PostsPerSecond.Count >= 2
        ? PostsPerSecond.Take(PostsPerSecond.Count - 1).Sum() / (AllowedRate * (PostsPerSecond.Count - 1))
        : double.NaN;

    public double Fraction => double.IsNaN(SustainedFraction) ? ShortestScheduleFraction : SustainedFraction;

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
            Math.Max(globalShortest, bucketShortest), seconds > 0 ? accepted.Count / seconds : double.NaN, allowed, PerSecond(rest));
    }

    /// <summary>Accepted posts per second of the run, from its first request: shows whether the pace held throughout.</summary>
    private static IReadOnlyList<int> PerSecond(FakeRestApi rest)
    {
        var posts = rest.Requests
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Status is >= 200 and < 300)
            .Select(r => r.ReceivedAt).Order().ToList();
        return posts.Count == 0 ? [] : [.. posts.GroupBy(t => (int)(t - posts[0]).TotalSeconds).OrderBy(g => g.Key).Select(g => g.Count())];
    }
}
