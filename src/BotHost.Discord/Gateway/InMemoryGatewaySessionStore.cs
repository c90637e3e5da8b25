namespace BotHost.Discord.Gateway;

/// <summary>Keeps the session for the life of the process: enough for a client restarted in-process, not for a new process.</summary>
public sealed class InMemoryGatewaySessionStore : IGatewaySessionStore
{
    private GatewaySessionSnapshot? _snapshot;

    public Task<GatewaySessionSnapshot?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(Volatile.Read(ref _snapshot));

    public Task SaveAsync(GatewaySessionSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Volatile.Write(ref _snapshot, snapshot);
        return Task.CompletedTask;
    }

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _snapshot, null);
        return Task.CompletedTask;
    }
}
