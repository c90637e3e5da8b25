using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Storage;

/// <summary>Opens connections to the one database file with the pragmas every connection needs.</summary>
public sealed class SqliteConnectionFactory
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private volatile bool _directoryEnsured;

    public SqliteConnectionFactory(IOptions<StorageOptions> options)
    {
        var path = Path.GetFullPath(options.Value.DatabasePath);
        DatabasePath = path;
        _busyTimeoutMs = options.Value.BusyTimeoutMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = Math.Max(1, _busyTimeoutMs / 1000),
        }.ToString();
    }

    public string DatabasePath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Once per factory: a fan-out opens thousands of pooled connections, and each check is a stat and a mkdir call.
        if (!_directoryEnsured)
        {
            var directory = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            _directoryEnsured = true;
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // busy_timeout, synchronous and wal_autocheckpoint are per connection; journal_mode=WAL persists in the file.
        // A feed's transaction dirties about a thousand pages (title bands land on random pages), so SQLite's default
        // checkpoint at 1,000 WAL pages ran a checkpoint with two fsyncs after nearly every feed; at 10,000 (a 40 MB
        // WAL) it runs about once per ten feeds and a page rewritten by several feeds reaches the database file once.
        pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA wal_autocheckpoint = 10000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
