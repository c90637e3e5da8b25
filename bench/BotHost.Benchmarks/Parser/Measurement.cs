namespace BotHost.Benchmarks.Parser;

/// <summary>One contender on one document: median CPU and wall time per parse, throughput and allocation.</summary>
public sealed record Measurement(
    string Contender,
    string ContenderKey,
    CorpusFormat Format,
    string Size,
    long Bytes,
    int Items,
    TimeSpan Median,
    TimeSpan WallMedian,
    long AllocatedBytes)
{
    /// <summary>Throughput by the parsing thread's CPU time (see <see cref="ThreadCpuTime"/>).</summary>
    public double MegabytesPerSecond => Bytes / (1024.0 * 1024.0) / Median.TotalSeconds;

    public double AllocatedBytesPerItem => Items == 0 ? 0 : (double)AllocatedBytes / Items;
}
