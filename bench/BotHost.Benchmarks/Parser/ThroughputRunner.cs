using System.Diagnostics;

namespace BotHost.Benchmarks.Parser;

/// <summary>Times each contender on each document, in one process and one run, so the ratios compare like with like.</summary>
public sealed class ThroughputRunner(IReadOnlyList<FeedContender> contenders, TextWriter log)
{
    public List<Measurement> Run(IReadOnlyList<CorpusDocument> documents, int iterations)
    {
        WarmUp(documents.Where(d => d.Size == "small"));
        var measurements = new List<Measurement>();
        foreach (var document in documents)
        {
            var bytes = File.ReadAllBytes(document.Path);
            var readers = contenders.Where(c => c.Reads(document.Format)).Select(c => new Samples(c, bytes, document.Format)).ToList();

            // Round robin: each round times every contender once, so a neighbour's burst of load lands on all of them.
            for (var i = 0; i < iterations; i++)
            {
                foreach (var reader in readers)
                {
                    reader.Take();
                }
            }

            var expected = readers[0].Items;
            foreach (var reader in readers)
            {
                if (reader.Items != expected)
                {
                    throw new InvalidOperationException($"{reader.Contender.Name} read {reader.Items} items of {document.Name}, {readers[0].Contender.Name} {expected}.");
                }

                var measurement = reader.ToMeasurement(document);
                measurements.Add(measurement);
                log.WriteLine($"  {document.Name,-22} {reader.Contender.Name,-22} {measurement.MegabytesPerSecond,8:F1} MB/s  ({measurement.Median.TotalMilliseconds:F1} ms CPU, {measurement.WallMedian.TotalMilliseconds:F1} ms wall, {measurement.Items} items)");
            }
        }

        return measurements;
    }

    /// <summary>
    /// Every contender parses every small document many times first, so the code each one runs is compiled at its
    /// final tier (tiered JIT, dynamic PGO) before anything is timed; then the background compiler is given until
    /// it goes quiet. Without this the contender timed first pays for the others' warm-up.
    /// </summary>
    private void WarmUp(IEnumerable<CorpusDocument> documents)
    {
        var small = documents.Select(d => (d.Format, Bytes: File.ReadAllBytes(d.Path))).ToList();
        foreach (var contender in contenders)
        {
            foreach (var (format, bytes) in small.Where(d => contender.Reads(d.Format)))
            {
                for (var i = 0; i < 60; i++)
                {
                    contender.Parse(bytes, format);
                }
            }
        }

        var quiet = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var waited = Stopwatch.StartNew(); waited.Elapsed < TimeSpan.FromSeconds(10) && quiet.Elapsed < TimeSpan.FromMilliseconds(500);)
        {
            Thread.Sleep(50);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quiet.Restart();
            }
        }

        log.WriteLine($"  warmed up ({compiled} methods compiled)");
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    /// <summary>One contender's timings on one document: parsed once untimed (and its allocation counted), then sampled.</summary>
    private sealed class Samples
    {
        private readonly byte[] _bytes;
        private readonly CorpusFormat _format;
        private readonly int _batch;
        private readonly long _allocated;
        private readonly List<TimeSpan> _cpu = [];
        private readonly List<TimeSpan> _wall = [];

        public Samples(FeedContender contender, byte[] bytes, CorpusFormat format)
        {
            Contender = contender;
            _bytes = bytes;
            _format = format;

            // Small documents are parsed in batches so one sample is long enough for the clock to mean something.
            _batch = Math.Max(1, 4_000_000 / bytes.Length);
            Items = contender.Parse(bytes, format);
            Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            contender.Parse(bytes, format);
            _allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        public FeedContender Contender { get; }

        public int Items { get; }

        public void Take()
        {
            Collect();
            var stopwatch = Stopwatch.StartNew();
            var started = ThreadCpuTime.Now();
            for (var b = 0; b < _batch; b++)
            {
                Contender.Parse(_bytes, _format);
            }

            _cpu.Add((ThreadCpuTime.Now() - started) / _batch);
            _wall.Add(stopwatch.Elapsed / _batch);
        }

        public Measurement ToMeasurement(CorpusDocument document) =>
            new(Contender.Name, Contender.Key, document.Format, document.Size, _bytes.Length, Items, Median(_cpu), Median(_wall), _allocated);

        private static TimeSpan Median(List<TimeSpan> samples) => samples.Order().ElementAt(samples.Count / 2);
    }
}
