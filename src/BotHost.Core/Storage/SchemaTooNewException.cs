namespace BotHost.Core.Storage;

/// <summary>The database was written by a newer BotHost; it is left untouched.</summary>
public sealed class SchemaTooNewException(string databasePath, int found, int known)
    : Exception($"The database '{databasePath}' has schema version {found}, but this BotHost knows versions up to {known}. " +
                "It was left untouched: run a newer BotHost, or point Storage:DatabasePath at another file.")
{
    public int FoundVersion { get; } = found;

    public int KnownVersion { get; } = known;
}
