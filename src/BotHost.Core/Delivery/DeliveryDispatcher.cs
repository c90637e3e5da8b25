using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Delivery;

/// <summary>
/// Runs deliveries: those just composed (<see cref="Enqueue"/>), and every pending one it finds at start and
/// then every Delivery:ScanIntervalSeconds (unfinished after a crash, deferred after a failure, or left by a
/// process whose lease expired). Up to Delivery:MaxParallelSends run at once, so one slow or failing channel
/// never holds up the others; the Discord client's buckets and global limit pace the requests.
/// </summary>
public sealed class DeliveryDispatcher(DeliverySender sender, OutboxStore outbox, IOptions<DeliveryOptions> options, TimeProvider time, ILogger<DeliveryDispatcher> logger)
    : BackgroundService
{
    private readonly Channel<long> _queue = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = false });
    private readonly ConcurrentDictionary<long, byte> _queuedOrRunning = new();

    /// <summary>Raised after each run of a delivery with the status it reached (null: not claimable).</summary>
    public event Action<long, DeliveryStatus?>? Finished;

    /// <summary>Hands a delivery to the senders; a delivery already queued or running is not queued twice.</summary>
    public void Enqueue(long deliveryId)
    {
        if (_queuedOrRunning.TryAdd(deliveryId, 0))
        {
            _queue.Writer.TryWrite(deliveryId);
        }
    }

    /// <summary>Queues every pending delivery that is due; returns how many were queued.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var due = await outbox.DueAsync(time.GetUtcNow(), options.Value.InstanceId, 1000, cancellationToken);
        var queued = 0;
        foreach (var id in due.Where(id => !_queuedOrRunning.ContainsKey(id)))
        {
            Enqueue(id);
            queued++;
        }

        return queued;
    }

    /// <summary>
    /// Sends every due delivery now, one after another, without the background workers: for a CLI verb that composed
    /// a digest and exits. Returns how many reached <see cref="DeliveryStatus.Sent"/>.
    /// </summary>
    public async Task<int> SendDueNowAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var id in await outbox.DueAsync(time.GetUtcNow(), options.Value.InstanceId, 1000, cancellationToken))
        {
            sent += await sender.SendAsync(id, cancellationToken) == DeliveryStatus.Sent ? 1 : 0;
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resumed = await ScanAsync(stoppingToken);
        if (resumed > 0)
        {
            DeliveryLog.Resuming(logger, resumed);
        }

        var workers = Enumerable.Range(0, Math.Max(1, options.Value.MaxParallelSends)).Select(_ => WorkAsync(stoppingToken)).ToList();
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.ScanIntervalSeconds));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stoppingToken);
                await ScanAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        _queue.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    /// <summary>
    /// Stops taking deliveries, lets the senders unwind (a part in flight keeps its recorded attempt, so its resend
    /// reuses the nonce or looks for it first), then hands back this process's leases so nothing waits for them to expire.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            var released = await outbox.ReleaseLeasesAsync(options.Value.InstanceId, cancellationToken);
            if (released > 0)
            {
                DeliveryLog.HandedBack(logger, released);
            }
        }
        catch (Exception ex)
        {
            // Out of shutdown time or a database fault: the leases then expire after Delivery:LeaseSeconds; a restart with the same InstanceId resumes them at once anyway.
            DeliveryLog.HandBackFailed(logger, ex);
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                DeliveryStatus? status = null;
                try
                {
                    status = await sender.SendAsync(id, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    DeliveryLog.Crashed(logger, id, ex);
                    await DeferAfterCrashAsync(id, ex, stoppingToken);
                }
                finally
                {
                    _queuedOrRunning.TryRemove(id, out _);
                }

                Finished?.Invoke(id, status);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: an interrupted delivery keeps its recorded attempts and resumes on the next start.
        }
    }

    private async Task DeferAfterCrashAsync(long id, Exception error, CancellationToken stoppingToken)
    {
        try
        {
            await outbox.DeferAsync(id, time.GetUtcNow() + TimeSpan.FromSeconds(options.Value.RetryBaseSeconds), error.Message, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease then expires and the next scan picks the delivery up again.
            DeliveryLog.Crashed(logger, id, ex);
        }
    }
}
