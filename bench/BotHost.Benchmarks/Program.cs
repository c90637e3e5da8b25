using BenchmarkDotNet.Running;

// Every benchmark class here compares against a Baseline measured in the same run; only the Ratio and
// Alloc Ratio columns mean anything across machines (see bench/README.md).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
