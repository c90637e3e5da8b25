using BenchmarkDotNet.Attributes;
using BotHost.Core.Stories;

namespace BotHost.Benchmarks.Stories;

/// <summary>
/// Per-URL cost of UrlCanonicalizer against the cheapest thing a caller could do instead, keeping
/// scheme, host and path via <see cref="Uri"/>. Timings are per URL (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class UrlCanonicalizationBenchmarks
{
    private const int Count = 100;
    private string[] _urls = [];

    [GlobalSetup]
    public void Setup()
    {
        _urls = MessyUrls.Create(Count);
        foreach (var url in _urls)
        {
            // A refused link would time the error path instead of the work; fail the run instead.
            if (!UrlCanonicalizer.TryCanonicalize(url, out _, out var error) || !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw new InvalidOperationException($"Benchmark input {url} is not accepted: {error ?? "Uri refuses it"}");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "new Uri(url).GetLeftPart(Path)")]
    public int UriLeftPart()
    {
        var total = 0;
        foreach (var url in _urls)
        {
            total += new Uri(url).GetLeftPart(UriPartial.Path).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "UrlCanonicalizer.Canonicalize")]
    public int Canonicalize()
    {
        var total = 0;
        foreach (var url in _urls)
        {
            total += UrlCanonicalizer.Canonicalize(url).Length;
        }

        return total;
    }
}
