using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using BotHost.Core.Delivery;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Bench.Corpus;
using BotHost.Discord.Interactions.Endpoint;
using BotHost.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Bench.WholeBot;

/// <summary>
/// The bot side of the system benchmark, in its own process so its peak working set is the bot's alone: the whole
/// host as `run` composes it (BotHostApplication, Discord mode, configured through the environment by
/// <see cref="SystemBench"/>), on the clock of the corpus. Before the host starts, every subscription named
/// <see cref="FanoutName"/> gets its digest composed through <see cref="DigestRunner.RunNowAsync"/>, which records
/// it in the outbox and hands it to the <see cref="DeliveryDispatcher"/>; the dispatcher's senders post them once
/// the host runs. Reports one line per step on stdout (key=value), logs warnings to stderr, and waits for "quit".
/// </summary>
internal static class BotProcess
{
    public const string FanoutName = "fanout";

    public static async Task<int> RunAsync(string[] args)
    {
        var offset = TimeSpan.FromMilliseconds(long.Parse(args.SkipWhile(a => a != "--offset-ms").Skip(1).First(), CultureInfo.InvariantCulture));
        var builder = BotHostApplication.CreateBuilder(forCli: false, new ShiftedTimeProvider(offset));
        // Warnings and errors only, on stderr (stdout carries the report lines): a line per delivery on the console
        // would measure the console. A filter, because appsettings.json's Logging:LogLevel would win over a minimum.
        builder.Logging.ClearProviders().AddFilter(level => level >= LogLevel.Warning)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        using var host = builder.Build();
        var services = host.Services;
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(20));

        var composeWatch = Stopwatch.StartNew();
        var queued = new ConcurrentDictionary<long, byte>();
        var parts = 0;
        var runner = services.GetRequiredService<DigestRunner>();
        foreach (var subscription in (await services.GetRequiredService<SubscriptionStore>().ListActiveAsync(stop.Token)).Where(s => s.Name == FanoutName))
        {
            var result = await runner.RunNowAsync(subscription, stop.Token);
            if (result.DeliveryId is { } id && result.Parts.Count > 0)
            {
                queued[id] = 0;
                parts += result.Parts.Count;
            }
        }

        composeWatch.Stop();
        Report($"composed deliveries={queued.Count} parts={parts} seconds={composeWatch.Elapsed.TotalSeconds:F2} cpu_s={PeakWorkingSet.CpuSeconds():F2} peak_mb={PeakWorkingSet.Megabytes():F1}");

        var sent = 0;
        var failed = 0;
        var allDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        services.GetRequiredService<DeliveryDispatcher>().Finished += (id, status) =>
        {
            if (status is DeliveryStatus.Pending || !queued.TryRemove(id, out _))
            {
                return;
            }

            Interlocked.Increment(ref status == DeliveryStatus.Sent ? ref sent : ref failed);
            if (queued.IsEmpty)
            {
                allDone.TrySetResult();
            }
        };
        if (queued.IsEmpty)
        {
            allDone.TrySetResult();
        }

        var sendWatch = Stopwatch.StartNew();
        await host.StartAsync(stop.Token);
        Report($"started endpoint={services.GetRequiredService<InteractionsEndpointHostedService>().ListeningUri}");
        await allDone.Task.WaitAsync(stop.Token);
        Report($"delivered sent={sent} failed={failed} seconds={sendWatch.Elapsed.TotalSeconds:F2} cpu_s={PeakWorkingSet.CpuSeconds():F2} peak_mb={PeakWorkingSet.Megabytes():F1}");

        while (await Console.In.ReadLineAsync(stop.Token) is { } line && line.Trim() != "quit")
        {
        }

        Report($"final cpu_s={PeakWorkingSet.CpuSeconds():F2} peak_mb={PeakWorkingSet.Megabytes():F1}");
        await host.StopAsync(stop.Token);
        return 0;
    }

    private static void Report(FormattableString line)
    {
        Console.Out.WriteLine(line.ToString(CultureInfo.InvariantCulture));
        Console.Out.Flush();
    }
}
