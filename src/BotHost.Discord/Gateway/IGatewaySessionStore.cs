namespace BotHost.Discord.Gateway;

/// <summary>
/// Where the gateway client keeps its session across a restart when Discord:Gateway:KeepSessionOnStop is on.
/// <see cref="InMemoryGatewaySessionStore"/> is the default; a host with a database keeps it there.
/// </summary>
public interface IGatewaySessionStore
{
    Task<GatewaySessionSnapshot?> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(GatewaySessionSnapshot snapshot, CancellationToken cancellationToken);

    Task ClearAsync(CancellationToken cancellationToken);
}
