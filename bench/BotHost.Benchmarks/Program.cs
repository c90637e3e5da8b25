using BenchmarkDotNet.Running;
using BotHost.Benchmarks.Parser;

// `parser` is the feed parser comparison bench/run drives (Stopwatch-timed, one run, ratios to baselines measured
// in the same run); the two other verbs are its child processes. Anything else goes to BenchmarkDotNet: every class
// there compares against a Baseline measured in the same run; only the Ratio and Alloc Ratio columns mean anything
// across machines (see bench/README.md). The classes are not sealed because BenchmarkDotNet subclasses each.
return args.FirstOrDefault() switch
{
    ParserBench.Verb => ParserBench.Run(args[1..], Console.Out),
    PeakMemory.WrapperVerb => PeakMemory.Wrap(args[1]),
    FileParse.Verb => FileParse.Run(args[1], args[2]),
    ProfileLoop.Verb => ProfileLoop.Run(args[1..]),
    "digest" => PrintDigests(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

// `digest <file>...`: the hash of every item BotHost reads from each file, to show a change kept the same items.
static int PrintDigests(string[] files)
{
    foreach (var file in files)
    {
        Console.WriteLine($"{ParserBench.ItemsDigest(file)}  {file}");
    }

    return 0;
}

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
