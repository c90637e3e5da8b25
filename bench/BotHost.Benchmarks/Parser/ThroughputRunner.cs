using System.Diagnostics;

namespace BotHost.Benchmarks.Parser;

/// <summary>Times each contender on each document in turn, in one process and one run, so the ratios compare like with like.</summary>
public sealed class ThroughputRunner(IReadOnlyList<FeedContender> contenders, TextWriter log)
{
    public List<Measurement> Run(IEnumerable<CorpusDocument> documents, int iterations)
    {
        var measurements = new List<Measurement>();
        foreach (var document in documents)
        {
            var bytes = File.ReadAllBytes(document.Path);
            var expected = -1;
            foreach (var contender in contenders.Where(c => c.Reads(document.Format)))
            {
                var measurement = Measure(contender, document, bytes, iterations);
                if (expected >= 0 && measurement.Items != expected)
                {
                    throw new InvalidOperationException($"{contender.Name} read {measurement.Items} items of {document.Name}, others {expected}.");
                }

                expected = measurement.Items;
                measurements.Add(measurement);
                log.WriteLine($"  {document.Name,-22} {contender.Name,-22} {measurement.MegabytesPerSecond,8:F1} MB/s  ({measurement.Median.TotalMilliseconds:F1} ms CPU, {measurement.WallMedian.TotalMilliseconds:F1} ms wall, {measurement.Items} items)");
            }
        }

        return measurements;
    }

    private static Measurement Measure(FeedContender contender, CorpusDocument document, byte[] bytes, int iterations)
    {
        // Small documents are parsed in batches so one sample is long enough for the stopwatch to mean something.
        var batch = Math.Max(1, (int)(4_000_000 / bytes.Length));
        var items = contender.Parse(bytes, document.Format);
        Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        contender.Parse(bytes, document.Format);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var cpu = new List<TimeSpan>(iterations);
        var wall = new List<TimeSpan>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            Collect();
            var stopwatch = Stopwatch.StartNew();
            var started = ThreadCpuTime.Now();
            for (var b = 0; b < batch; b++)
            {
                contender.Parse(bytes, document.Format);
            }

            cpu.Add((ThreadCpuTime.Now() - started) / batch);
            wall.Add(stopwatch.Elapsed / batch);
        }

        cpu.Sort();
        wall.Sort();
        return new Measurement(contender.Name, contender.Key, document.Format, document.Size, bytes.Length, items, cpu[cpu.Count / 2], wall[wall.Count / 2], allocated);
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
