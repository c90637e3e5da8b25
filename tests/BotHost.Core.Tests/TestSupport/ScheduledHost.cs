using System.Collections.Concurrent;
using BotHost.Core.Collecting;
using BotHost.Core.Delivery;
using BotHost.Core.Digests;
using BotHost.Core.Scheduling;
using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using BotHost.Testing.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace BotHost.Core.Tests.TestSupport;

/// <summary>
/// The Core services with Quartz and the delivery dispatcher running as a host on a fake clock, as `run` wires
/// them. Digests post an "empty" line when nothing is new, so every digest is a delivery to wait for. Stop and
/// start another on the same directory and clock to simulate downtime.
/// </summary>
public sealed class ScheduledHost : IAsyncDisposable
{
    private readonly ConcurrentQueue<TaskCompletionSource<long>> _waiting = new();
    private readonly ConcurrentQueue<long> _finished = new();
    private readonly IHost _host;

    private ScheduledHost(string directory, FakeTimeProvider time, IHost host, CapturingLoggerProvider logs)
    {
        Directory = directory;
        Time = time;
        _host = host;
        Logs = logs;
        Services.GetRequiredService<DeliveryDispatcher>().Finished += (id, status) =>
        {
            if (status is DeliveryStatus.Sent or DeliveryStatus.Failed)
            {
                _finished.Enqueue(id);
                Drain();
            }
        };
    }

    public string Directory { get; }

    public FakeTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _host.Services;

    public RecordingSink Sink => Services.GetRequiredService<RecordingSink>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="feed">An RSS document served as the one source "Blog" (blog.xml); none by default.</param>
    public static async Task<ScheduledHost> StartAsync(FakeTimeProvider time, string? directory = null, RecordingSink? sink = null, string? feed = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (feed is not null)
        {
            File.WriteAllText(Path.Combine(directory, "blog.xml"), feed);
        }

        var blog = Path.Combine(directory, "blog.xml").Replace(@"\", @"\\", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory, "sources.json"), feed is null
            ? """{ "sources": [] }"""
            : $$"""{ "sources": [ { "name": "Blog", "url": "{{blog}}" } ] }""");
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Feeds:SourcesFile"] = Path.Combine(directory, "sources.json"),
            ["Curation:TopicsFile"] = Path.Combine(directory, "topics.json"),
            ["Digests:PostWhenEmpty"] = "true",
            ["Feeds:FirstFetchIsBacklog"] = "false",
            ["Delivery:ScanIntervalSeconds"] = "3600",
        });
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(sink ?? new RecordingSink());
        builder.Services.AddSingleton<ISink>(sp => sp.GetRequiredService<RecordingSink>());
        builder.Services.AddStorage().AddCollecting().AddDigests().AddSubscriptions().AddDelivery();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());
        builder.Services.AddScheduling(time);
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(Ct);
        await host.StartAsync(Ct);
        return new ScheduledHost(directory, time, host, logs);
    }

    public async Task<Subscription> SubscribeAsync(ChannelKey channel, SubscriptionRequest request)
    {
        var result = await Services.GetRequiredService<SubscriptionService>().SubscribeAsync(channel, request, Ct);
        return result.Subscription ?? throw new InvalidOperationException(result.Error);
    }

    public async Task<ITrigger?> TriggerOfAsync(long subscriptionId)
    {
        var scheduler = await Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        return await scheduler.GetTrigger(DigestSchedule.TriggerKeyOf(subscriptionId), Ct);
    }

    /// <summary>Sets the clock to the trigger's next fire time and waits for the digest it posts.</summary>
    public async Task<DateTimeOffset> FireNextAsync(long subscriptionId)
    {
        var next = (await TriggerOfAsync(subscriptionId))!.NextFireTimeUtc!.Value;
        var delivered = NextFinishedAsync();
        Time.SetUtcNow(next);
        await delivered;
        return next;
    }

    /// <summary>Completes when the next delivery (not yet awaited) has finished.</summary>
    public Task<long> NextFinishedAsync()
    {
        var signal = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Enqueue(signal);
        Drain();
        return signal.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
    }

    /// <summary>(period, reason, created at) of every delivery, oldest first.</summary>
    public async Task<IReadOnlyList<(string Period, string Reason, DateTimeOffset At)>> DeliveriesAsync()
    {
        await using var connection = await Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT period_key, reason, created_at FROM digest_deliveries ORDER BY id";
        var result = new List<(string, string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            result.Add((reader.GetString(0), reader.GetString(1), SqliteTime.FromDb(reader.GetValue(2))!.Value));
        }

        return result;
    }

    public async Task StopAsync()
    {
        await _host.StopAsync(Ct);
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped by the test.
        }
    }

    private void Drain()
    {
        lock (_waiting)
        {
            while (!_waiting.IsEmpty && _finished.TryDequeue(out var id) && _waiting.TryDequeue(out var signal))
            {
                signal.TrySetResult(id);
            }
        }
    }
}
