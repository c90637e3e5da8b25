namespace BotHost.Discord.Bench.WholeBot;

/// <summary>Nearest-rank percentiles of a sample (milliseconds).</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyCollection<double> sample, double percentile)
    {
        if (sample.Count == 0)
        {
            return double.NaN;
        }

        var sorted = sample.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
