namespace BotHost.Benchmarks.Parser;

/// <summary>Peak resident memory and CPU time of one whole process reading one large feed.</summary>
public sealed record PeakResult(CorpusFormat Format, double FeedMegabytes, string ContenderKey, double PeakMiB, TimeSpan Cpu);
