using BotHost.Bench.System.Ingest;
using BotHost.Bench.System.Running;
using BotHost.Bench.System.Stores;

// bench/run's system sections: ingest, fanout, interactions, memory. Each prints its figures with the goal beside
// them and merges its section into bench/results/latest.json. See bench/README.md.
return await SystemBench.RunAsync(args);
