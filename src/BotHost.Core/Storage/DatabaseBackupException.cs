namespace BotHost.Core.Storage;

/// <summary>A backup was refused or failed (target exists, no database, the copy did not verify); nothing was replaced.</summary>
public sealed class DatabaseBackupException(string message, Exception? inner = null) : Exception(message, inner);
