using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Storage;

/// <summary>
/// Checks the database file read-only, so it is safe beside a running bot: <c>PRAGMA integrity_check</c>,
/// <c>PRAGMA foreign_key_check</c>, and the schema version it records against <see cref="DatabaseMigrator.LatestVersion"/>.
/// </summary>
public sealed class DatabaseChecker(IOptions<StorageOptions> options)
{
    /// <summary>At most this many problems of each kind are listed; one is enough to act on.</summary>
    public const int MaxProblems = 100;

    // SQLITE_CORRUPT: the checks themselves ran into damage, which is a finding, not an unreadable file.
    private const int SqliteCorrupt = 11;

    public async Task<DatabaseCheckReport> CheckAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.DatabasePath);
        if (!File.Exists(path))
        {
            return Unreadable(path, 0, $"there is no database file (Storage:DatabasePath is {options.Value.DatabasePath}).");
        }

        var bytes = new FileInfo(path).Length;
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            var integrity = await RowsAsync(connection, $"PRAGMA integrity_check({MaxProblems})", r => r.GetString(0), cancellationToken);
            var foreignKeys = await RowsAsync(connection, "PRAGMA foreign_key_check",
                r => $"{r.GetString(0)} row {(r.IsDBNull(1) ? "?" : r.GetInt64(1))} refers to a missing {r.GetString(2)} row (constraint {r.GetInt64(3)})", cancellationToken);
            var version = await SchemaVersionAsync(connection, cancellationToken);
            return new DatabaseCheckReport(path, bytes, null, [.. integrity.Where(line => line != "ok")], [.. foreignKeys.Take(MaxProblems)], version, DatabaseMigrator.LatestVersion);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteCorrupt)
        {
            return new DatabaseCheckReport(path, bytes, null, [ex.Message], [], 0, DatabaseMigrator.LatestVersion);
        }
        catch (SqliteException ex)
        {
            return Unreadable(path, bytes, $"SQLite cannot read it: {ex.Message}");
        }
    }

    private static DatabaseCheckReport Unreadable(string path, long bytes, string reason) =>
        new(path, bytes, reason, [], [], 0, DatabaseMigrator.LatestVersion);

    private static async Task<int> SchemaVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var hasTable = await RowsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", r => r.GetString(0), cancellationToken);
        if (hasTable.Count == 0)
        {
            return 0;
        }

        var version = await RowsAsync(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version", r => r.GetInt32(0), cancellationToken);
        return version[0];
    }

    private static async Task<List<T>> RowsAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
