namespace BotHost.Benchmarks.Parser;

/// <summary>Peak resident memory of one whole process reading one large feed.</summary>
public sealed record PeakResult(CorpusFormat Format, double FeedMegabytes, string ContenderKey, double PeakMiB);
