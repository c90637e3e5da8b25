using Microsoft.Data.Sqlite;

namespace BotHost.Benchmarks.Stories;

/// <summary>Prepared INSERTs for the benchmarks' bulk loaders: parameters are bound by position, in declaration order.</summary>
internal static class BulkStatements
{
    public static SqliteCommand Prepare(SqliteTransaction tx, string sql, params string[] parameters)
    {
        var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    public static void Run(SqliteCommand command, params object[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    public static async Task RunAsync(SqliteCommand command, object[] values, CancellationToken cancellationToken)
    {
        Bind(command, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(SqliteCommand command, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
    }
}
