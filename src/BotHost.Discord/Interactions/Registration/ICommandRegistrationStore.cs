namespace BotHost.Discord.Interactions.Registration;

/// <summary>Remembers the hash of the command set last registered per scope ("global:{app}", "guild:{app}:{guild}").</summary>
public interface ICommandRegistrationStore
{
    Task<string?> GetHashAsync(string scope, CancellationToken cancellationToken);

    Task SetHashAsync(string scope, string hash, CancellationToken cancellationToken);
}
