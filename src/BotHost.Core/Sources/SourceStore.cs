using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Sources;

/// <summary>SQL for the sources table: registration and fetch state.</summary>
public sealed class SourceStore(SqliteConnectionFactory connections, TimeProvider time)
{
    private const string Columns =
        "id, location, name, etag, last_modified, last_attempt_at, last_success_at, consecutive_failures, failing_since, last_error, next_fetch_at, first_fetch_done";

    /// <summary>
    /// The source's stored state, registering it (or its new name) first when needed. A source already stored under
    /// its name is only read: an upsert on every fetch took SQLite's write lock between the ingest's feeds, so a fetch
    /// waited for the feed being stored, and a feed's transaction that found the lock held slept in the busy handler.
    /// </summary>
    public async Task<SourceState> EnsureAsync(SourceDefinition definition, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT {Columns} FROM sources WHERE location = $location";
            select.Parameters.AddWithValue("$location", definition.Location);
            await using var found = await select.ExecuteReaderAsync(cancellationToken);
            if (await found.ReadAsync(cancellationToken) && Read(found) is var stored && stored.Name == definition.Name)
            {
                return stored;
            }
        }

        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO sources(location, name, created_at) VALUES ($location, $name, $now) " +
            "ON CONFLICT(location) DO UPDATE SET name = excluded.name " +
            $"RETURNING {Columns}";
        command.Parameters.AddWithValue("$location", definition.Location);
        command.Parameters.AddWithValue("$name", definition.Name);
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    public async Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM sources ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<SourceState>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    public async Task<SourceState?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM sources WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>A 200 or a 304: validators kept, failures reset, next fetch scheduled.</summary>
    public Task RecordSuccessAsync(SqliteTransaction transaction, long sourceId, string? etag, string? lastModified, DateTimeOffset nextFetchAt, CancellationToken cancellationToken)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "UPDATE sources SET etag = COALESCE($etag, etag), last_modified = COALESCE($lm, last_modified), " +
            "last_attempt_at = $now, last_success_at = $now, consecutive_failures = 0, failing_since = NULL, last_error = NULL, " +
            "next_fetch_at = $next, first_fetch_done = 1 WHERE id = $id";
        command.Parameters.AddWithValue("$etag", SqliteTime.OrNull(etag));
        command.Parameters.AddWithValue("$lm", SqliteTime.OrNull(lastModified));
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$next", nextFetchAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", sourceId);
        return ExecuteAndDisposeAsync(command, cancellationToken);
    }

    /// <summary>
    /// A 304: nothing to ingest, but the feed still lists what it listed last time. Those items (all marked
    /// seen by the last ingest at one instant) are marked seen again, or retention would prune them from a
    /// feed that has not changed for longer than Storage:RetentionDays and they would come back as new.
    /// </summary>
    public async Task RecordNotModifiedAsync(long sourceId, DateTimeOffset nextFetchAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var touch = connection.CreateCommand())
        {
            touch.Transaction = transaction;
            touch.CommandText =
                "UPDATE items SET last_seen_at = $now WHERE source_id = $id " +
                "AND last_seen_at = (SELECT MAX(last_seen_at) FROM items WHERE source_id = $id)";
            touch.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
            touch.Parameters.AddWithValue("$id", sourceId);
            await touch.ExecuteNonQueryAsync(cancellationToken);
        }

        await RecordSuccessAsync(transaction, sourceId, null, null, nextFetchAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RecordFailureAsync(long sourceId, string error, DateTimeOffset nextFetchAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText =
            "UPDATE sources SET last_attempt_at = $now, consecutive_failures = consecutive_failures + 1, " +
            "failing_since = COALESCE(failing_since, $now), last_error = $error, next_fetch_at = $next WHERE id = $id";
        command.Parameters.AddWithValue("$now", time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$error", error);
        command.Parameters.AddWithValue("$next", nextFetchAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$id", sourceId);
        await ExecuteAndDisposeAsync(command, cancellationToken);
    }

    private static async Task ExecuteAndDisposeAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static SourceState Read(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        SqliteTime.FromDb(r.GetValue(5)),
        SqliteTime.FromDb(r.GetValue(6)),
        r.GetInt32(7),
        SqliteTime.FromDb(r.GetValue(8)),
        r.IsDBNull(9) ? null : r.GetString(9),
        SqliteTime.FromDb(r.GetValue(10)),
        r.GetInt64(11) != 0);
}
