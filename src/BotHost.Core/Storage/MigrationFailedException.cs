namespace BotHost.Core.Storage;

/// <summary>A migration failed; it was rolled back and the database stays at the version it had before it.</summary>
public sealed class MigrationFailedException(string databasePath, int version, string name, int keptVersion, Exception inner)
    : Exception($"Database migration {version} ({name}) failed on '{databasePath}' and was rolled back; the database is unchanged at schema version {keptVersion}. " +
                $"Restore a backup or report this with the error: {inner.Message.ReplaceLineEndings(" ")}", inner)
{
    public int FailedVersion { get; } = version;

    public int KeptVersion { get; } = keptVersion;
}
