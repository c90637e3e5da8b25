using System.Globalization;
using System.Text.RegularExpressions;

namespace BotHost.Core.Stories;

/// <summary>
/// Points and comments an aggregator states in an item's text, e.g. hnrss.org's "Points: 312" and
/// "# Comments: 148" lines. Feeds that state neither (the plain news.ycombinator.com/rss) give <see cref="None"/>.
/// </summary>
public readonly partial record struct Engagement(int Points, int Comments)
{
    public static Engagement None => default;

    public bool IsNone => Points == 0 && Comments == 0;

    public static Engagement Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return None;
        }

        return new Engagement(Read(PointsPattern(), text), Read(CommentsPattern(), text));
    }

    /// <summary>The larger counts of two mentions (the same story on two aggregators is not twice as discussed).</summary>
    public Engagement Max(Engagement other) => new(Math.Max(Points, other.Points), Math.Max(Comments, other.Comments));

    private static int Read(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    [GeneratedRegex(@"\bPoints:\s*(\d{1,7})\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex PointsPattern();

    [GeneratedRegex(@"#\s*Comments:\s*(\d{1,7})\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CommentsPattern();
}
