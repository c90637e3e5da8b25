using BotHost.Core.Storage;
using BotHost.Discord.Gateway;

namespace BotHost.Bridge;

/// <summary>Keeps the gateway session in the settings table, so a quick restart of the process resumes instead of identifying.</summary>
public sealed class SettingsGatewaySessionStore(SettingsStore settings) : IGatewaySessionStore
{
    private const string Key = "discord.gateway.session";

    public async Task<GatewaySessionSnapshot?> LoadAsync(CancellationToken cancellationToken)
        => GatewaySessionSnapshot.TryParse(await settings.GetAsync(Key, cancellationToken));

    public Task SaveAsync(GatewaySessionSnapshot snapshot, CancellationToken cancellationToken) => settings.SetAsync(Key, snapshot.ToJson(), cancellationToken);

    /// <summary>The settings table has no delete; an empty value reads back as no session.</summary>
    public Task ClearAsync(CancellationToken cancellationToken) => settings.SetAsync(Key, string.Empty, cancellationToken);
}
