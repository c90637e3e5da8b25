using Microsoft.Data.Sqlite;

namespace BotHost.Core.Storage;

/// <summary>
/// Copies the database with SQLite's online backup API while the bot may be running: in WAL mode the copy reads one
/// consistent snapshot and writers carry on. The copy is written beside the target, checked (<c>PRAGMA quick_check</c>),
/// switched to a single-file journal, and only then moved into place, so a failed backup never leaves a half file
/// under the target's name.
/// </summary>
public sealed class DatabaseBackup(SqliteConnectionFactory connections)
{
    /// <returns>The full path written and its size in bytes.</returns>
    /// <exception cref="DatabaseBackupException">The target exists (without <paramref name="overwrite"/>), is the database itself, there is no database, or the copy failed its check.</exception>
    public async Task<(string Path, long Bytes)> BackupAsync(string destination, bool overwrite, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(destination);
        if (string.Equals(target, connections.DatabasePath, StringComparison.Ordinal))
        {
            throw new DatabaseBackupException($"'{destination}' is the database itself (Storage:DatabasePath); choose another file.");
        }

        if (Directory.Exists(target))
        {
            throw new DatabaseBackupException($"'{destination}' is a directory; name the backup file, e.g. {Path.Combine(destination, "bothost-backup.db")}.");
        }

        if (File.Exists(target) && !overwrite)
        {
            throw new DatabaseBackupException($"'{destination}' already exists; pass --force to replace it.");
        }

        if (!File.Exists(connections.DatabasePath))
        {
            throw new DatabaseBackupException($"There is no database at '{connections.DatabasePath}' (Storage:DatabasePath) to back up.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            await using (var source = await connections.OpenAsync(cancellationToken))
            await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString()))
            {
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
                await using var check = copy.CreateCommand();
                // One self-contained file to move around; WAL comes back when BotHost opens it.
                check.CommandText = "PRAGMA journal_mode = DELETE";
                await check.ExecuteNonQueryAsync(cancellationToken);
                check.CommandText = "PRAGMA quick_check";
                var verdict = (string?)await check.ExecuteScalarAsync(cancellationToken);
                if (verdict != "ok")
                {
                    throw new DatabaseBackupException($"The copy failed its check ({verdict}); '{destination}' was not written. Run `db check` on the database.");
                }
            }

            File.Move(partial, target, overwrite);
            return (target, new FileInfo(target).Length);
        }
        catch (SqliteException ex)
        {
            throw new DatabaseBackupException($"The backup to '{destination}' failed and nothing was written: {ex.Message}", ex);
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
