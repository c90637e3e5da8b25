using Microsoft.Data.Sqlite;

namespace BotHost.Core.Storage;

/// <summary>Turns a storage failure into one line saying what it means for the operator and what to do.</summary>
public static class StorageFailureText
{
    // Primary result codes (https://www.sqlite.org/rescode.html); extended codes carry them in the low byte.
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Full = 13;

    public static string For(Exception exception, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not SqliteException sql)
        {
            return exception.Message.ReplaceLineEndings(" ");
        }

        var meaning = (sql.SqliteErrorCode & 0xFF) switch
        {
            Full => $"the database '{databasePath}' is full (no room left on its disk, or a size limit): free space; what was stored before is kept.",
            ReadOnly => $"the database '{databasePath}' is read-only: make the file, its -wal/-shm files and its directory writable for BotHost.",
            Busy or Locked => $"the database '{databasePath}' stayed locked by another connection or process for longer than Storage:BusyTimeoutMilliseconds; it is retried later.",
            IoError => $"reading or writing the database '{databasePath}' failed at the disk: check the disk and the file system.",
            _ => null,
        };
        var message = sql.Message.ReplaceLineEndings(" ");
        return meaning is null ? message : $"{meaning} ({message})";
    }
}
