using Microsoft.Extensions.Options;

namespace BotHost.Core.Feeds.Fetching;

/// <summary>
/// Admits at most one fetch per host at a time (being polite to one server) and at most
/// <see cref="FeedOptions.MaxConcurrentFetches"/> fetches overall.
/// </summary>
public sealed class FetchConcurrencyLimiter
{
    private readonly SemaphoreSlim _global;
    private readonly Dictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _sync = new();

    public FetchConcurrencyLimiter(IOptions<FeedOptions> options)
    {
        var max = options.Value.MaxConcurrentFetches;
        if (max < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), max, "Feeds:MaxConcurrentFetches must be at least 1.");
        }

        _global = new SemaphoreSlim(max, max);
    }

    /// <summary>Waits for the host's slot, then for a global slot; dispose the lease to release both.</summary>
    public async ValueTask<IDisposable> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var gate = Enter(host);
        var hostHeld = false;
        try
        {
            // The host slot first, so a fetch queued behind its own host does not sit on a global slot.
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            hostHeld = true;
            await _global.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new Lease(this, host, gate);
        }
        catch
        {
            if (hostHeld)
            {
                gate.Semaphore.Release();
            }

            Leave(host, gate);
            throw;
        }
    }

    private HostGate Enter(string host)
    {
        lock (_sync)
        {
            if (!_hosts.TryGetValue(host, out var gate))
            {
                gate = new HostGate();
                _hosts.Add(host, gate);
            }

            gate.Users++;
            return gate;
        }
    }

    private void Leave(string host, HostGate gate)
    {
        lock (_sync)
        {
            gate.Users--;
            if (gate.Users == 0)
            {
                _hosts.Remove(host);
                gate.Semaphore.Dispose();
            }
        }
    }

    /// <summary>Number of hosts with a fetch running or waiting; lets tests prove gates are not leaked.</summary>
    internal int TrackedHostCount
    {
        get
        {
            lock (_sync)
            {
                return _hosts.Count;
            }
        }
    }

    /// <summary>Fetches holding or waiting for <paramref name="host"/>'s slot; lets tests observe a queued fetch.</summary>
    internal int UsersOf(string host)
    {
        lock (_sync)
        {
            return _hosts.TryGetValue(host, out var gate) ? gate.Users : 0;
        }
    }

    private sealed class HostGate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Lease(FetchConcurrencyLimiter owner, string host, HostGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            owner._global.Release();
            gate.Semaphore.Release();
            owner.Leave(host, gate);
        }
    }
}
