using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace BotHost.Core.Storage;

/// <summary>
/// Applies the numbered SQL files embedded under Storage/Migrations, forward only, each in its own
/// transaction together with its row in schema_version. A migration that fails is rolled back whole.
/// </summary>
public sealed partial class DatabaseMigrator
{
    private static readonly IReadOnlyList<Migration> Embedded = LoadMigrations();

    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly ILogger<DatabaseMigrator> _logger;
    private readonly IReadOnlyList<Migration> _migrations;

    public DatabaseMigrator(SqliteConnectionFactory connections, TimeProvider time, ILogger<DatabaseMigrator> logger)
        : this(connections, time, logger, Embedded)
    {
    }

    /// <summary>Runs <paramref name="migrations"/> (ascending versions) instead of the embedded ones: tests inject a broken step.</summary>
    internal DatabaseMigrator(SqliteConnectionFactory connections, TimeProvider time, ILogger<DatabaseMigrator> logger, IReadOnlyList<Migration> migrations)
    {
        _connections = connections;
        _time = time;
        _logger = logger;
        _migrations = migrations;
    }

    public static int LatestVersion => Embedded[^1].Version;

    internal static IReadOnlyList<Migration> EmbeddedMigrations => Embedded;

    /// <exception cref="SchemaTooNewException">The file was written by a newer BotHost; it is left untouched.</exception>
    /// <exception cref="MigrationFailedException">A step failed and was rolled back; the earlier steps stay applied.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var latest = _migrations[^1].Version;
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await EnsureVersionTableAsync(connection, cancellationToken);
        var current = await CurrentVersionAsync(connection, cancellationToken);
        if (current > latest)
        {
            throw new SchemaTooNewException(_connections.DatabasePath, current, latest);
        }

        foreach (var migration in _migrations.Where(m => m.Version > current))
        {
            try
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }
            catch (SqliteException ex)
            {
                throw new MigrationFailedException(_connections.DatabasePath, migration.Version, migration.Name, current, ex);
            }

            current = migration.Version;
            StorageLog.MigrationApplied(_logger, migration.Version, migration.Name);
        }

        return latest;
    }

    /// <summary>
    /// The schema version recorded in the file (0 when it has no version table yet), without creating or upgrading
    /// anything: what `doctor` compares with <see cref="LatestVersion"/>. The file must exist.
    /// </summary>
    public async Task<int> StoredVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken);
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        return Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0
            ? 0
            : await CurrentVersionAsync(connection, cancellationToken);
    }

    private async Task ApplyAsync(SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        // Disposing the transaction without a commit rolls the whole step back, its DDL included.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = migration.Sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version(version, name, applied_at) VALUES ($v, $n, $t)";
            record.Parameters.AddWithValue("$v", migration.Version);
            record.Parameters.AddWithValue("$n", migration.Name);
            record.Parameters.AddWithValue("$t", _time.GetUtcNow().ToUnixTimeMilliseconds());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task EnsureVersionTableAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<Migration> LoadMigrations()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    [GeneratedRegex(@"Migrations\.(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
