using BotHost.Core.Storage;
using BotHost.Discord.Interactions.Registration;

namespace BotHost.Bridge;

/// <summary>Keeps the hash of the last registered command set in the database, so a restart re-registers nothing.</summary>
public sealed class CommandRegistrationStore(SettingsStore settings) : ICommandRegistrationStore
{
    private const string Prefix = "discord.commands.";

    public Task<string?> GetHashAsync(string scope, CancellationToken cancellationToken) => settings.GetAsync(Prefix + scope, cancellationToken);

    public Task SetHashAsync(string scope, string hash, CancellationToken cancellationToken) => settings.SetAsync(Prefix + scope, hash, cancellationToken);
}
