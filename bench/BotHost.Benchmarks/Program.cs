using BenchmarkDotNet.Running;

// Every benchmark class here compares against a Baseline measured in the same run; only the Ratio and
// Alloc Ratio columns mean anything across machines (see bench/README.md). The classes are not sealed
// because BenchmarkDotNet generates its runner as a subclass of each.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
