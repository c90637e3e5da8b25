using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace BotHost.Bench.System.Stores;

/// <summary>
/// Appends rows to one table through a prepared multi-row INSERT (many rows per statement), so building a
/// million-story store costs SQLite's own work rather than a managed round trip per row.
/// </summary>
internal sealed class BulkInserter : IDisposable
{
    // Microsoft.Data.Sqlite binds each parameter by name, and SQLite looks a name up by scanning the statement's
    // parameters: binding is quadratic in their number, so a statement carries about a hundred, not thousands.
    private const int MaxParameters = 100;

    private readonly SqliteTransaction _tx;
    private readonly string _head;
    private readonly int _columns;
    private readonly int _rowsPerStatement;
    private readonly SqliteCommand _full;
    private readonly List<object?> _pending = [];

    public BulkInserter(SqliteTransaction tx, string table, params string[] columns)
    {
        _tx = tx;
        _columns = columns.Length;
        _rowsPerStatement = Math.Max(1, MaxParameters / _columns);
        _head = $"INSERT INTO {table}({string.Join(", ", columns)}) VALUES ";
        _full = Prepare(_rowsPerStatement);
    }

    public int Rows { get; private set; }

    public void Add(params object?[] row)
    {
        _pending.AddRange(row);
        Rows++;
        if (_pending.Count == _rowsPerStatement * _columns)
        {
            Run(_full);
        }
    }

    /// <summary>Writes the rows still pending (a partial statement).</summary>
    public void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        using var tail = Prepare(_pending.Count / _columns);
        Run(tail);
    }

    /// <summary>Rows not flushed are dropped: a failure part-way must not be hidden by writing more.</summary>
    public void Dispose() => _full.Dispose();

    private void Run(SqliteCommand command)
    {
        for (var i = 0; i < _pending.Count; i++)
        {
            command.Parameters[i].Value = _pending[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
        _pending.Clear();
    }

    private SqliteCommand Prepare(int rows)
    {
        var sql = new StringBuilder(_head);
        var command = _tx.Connection!.CreateCommand();
        command.Transaction = _tx;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < _columns; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"$p{(r * _columns) + c}");
                sql.Append(c == 0 ? name : "," + name);
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        command.Prepare();
        return command;
    }
}
