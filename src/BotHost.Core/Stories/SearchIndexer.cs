using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace BotHost.Core.Stories;

/// <summary>
/// Adds new stories to the full-text index (story_search) in batches: everything after the stored mark, in one
/// statement. FTS5 writes a segment per transaction and merges segments as they pile up, so indexing each feed's few
/// dozen stories in its own transaction cost more than half of ingest's time on a store of a million stories, and
/// that share grew with the store. Ingest calls <see cref="IndexPendingAsync"/> once enough stories wait; a search
/// calls <see cref="CatchUpAsync"/> first, so it never misses a stored story. Migration 0008 keeps indexed stories
/// current on update and delete.
/// </summary>
public sealed class SearchIndexer(SqliteConnectionFactory connections, StoryWriteGate gate, ILogger<SearchIndexer> logger)
{
    /// <summary>Ingest indexes once this many stories wait; more per batch means fewer FTS5 segments and merges.</summary>
    internal int BatchStories { get; init; } = 2_000;

    private const string Pending =
        "SELECT COALESCE((SELECT MAX(id) FROM stories), 0) - (SELECT indexed_through FROM story_search_state)";
    private const string IndexNew =
        "INSERT INTO story_search(rowid, title, summary_text) " +
        "SELECT id, title, summary_text FROM stories WHERE id > (SELECT indexed_through FROM story_search_state) ORDER BY id";
    private const string MarkIndexed =
        "UPDATE story_search_state SET indexed_through = MAX(indexed_through, COALESCE((SELECT MAX(id) FROM stories), 0))";

    /// <summary>Indexes every story after the mark, in the caller's transaction; returns how many.</summary>
    public async Task<int> IndexPendingAsync(TransactionCommands sql, CancellationToken cancellationToken)
    {
        var indexed = await sql.Command(IndexNew, [], []).ExecuteNonQueryAsync(cancellationToken);
        await sql.Command(MarkIndexed, [], []).ExecuteNonQueryAsync(cancellationToken);
        return indexed;
    }

    /// <summary>Indexes every story after the mark once <see cref="BatchStories"/> ids lie after it, in the caller's transaction; returns how many.</summary>
    public async Task<int> IndexFullBatchAsync(TransactionCommands sql, CancellationToken cancellationToken) =>
        (long)(await sql.Command(Pending, [], []).ExecuteScalarAsync(cancellationToken))! >= BatchStories ? await IndexPendingAsync(sql, cancellationToken) : 0;

    /// <summary>
    /// Indexes what waits, if anything does; a reader of story_search calls it first. Returns how many it indexed.
    /// A database that refuses the write (full, read-only, locked past the busy timeout) is logged, not thrown: the
    /// search then runs over what is indexed rather than failing.
    /// </summary>
    public async Task<int> CatchUpAsync(SqliteConnection reader, CancellationToken cancellationToken)
    {
        var waiting = await PendingAsync(reader, cancellationToken);
        if (waiting <= 0)
        {
            return 0;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var sql = new TransactionCommands(tx);
            var indexed = await IndexPendingAsync(sql, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return indexed;
        }
        catch (SqliteException ex)
        {
            SearchIndexLog.CatchUpFailed(logger, waiting, StorageFailureText.For(ex, connections.DatabasePath));
            return 0;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>How many story ids lie after the mark (an upper bound on the stories waiting: some ids may be gone).</summary>
    public static async Task<long> PendingAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pending;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
