using Microsoft.Data.Sqlite;

namespace BotHost.Core.Storage;

/// <summary>
/// The commands of one transaction, each prepared on first use and reused by every later call with the same SQL:
/// a feed's items run the same few statements, and preparing them again for every item cost more than running
/// them. Disposing it finalizes the statements; it belongs to its transaction and is not thread-safe.
/// </summary>
public sealed class TransactionCommands(SqliteTransaction transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteTransaction Transaction { get; } = transaction;

    /// <summary>
    /// The command for <paramref name="sql"/> with its parameters set, in the order of <paramref name="parameters"/>
    /// (names) and <paramref name="values"/> (a null value is SQL NULL).
    /// </summary>
    public SqliteCommand Command(string sql, ReadOnlySpan<string> parameters, ReadOnlySpan<object?> values)
    {
        if (parameters.Length != values.Length)
        {
            throw new ArgumentException($"{parameters.Length} parameter names but {values.Length} values for: {sql}", nameof(values));
        }

        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Transaction.Connection!.CreateCommand();
            command.Transaction = Transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            _commands.Add(sql, command);
        }

        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
    }
}
