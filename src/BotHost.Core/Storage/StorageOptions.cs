namespace BotHost.Core.Storage;

/// <summary>Settings of the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>SQLite file, relative to the working directory unless absolute.</summary>
    public string DatabasePath { get; set; } = "data/bothost.db";

    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>Items and stories older than this, that no delivery references, are pruned.</summary>
    public int RetentionDays { get; set; } = 90;
}
