using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BotHost.Testing.Storage;

/// <summary>Reads a SQLite file as it is on disk, with an unpooled connection of its own: no migrator, no pragmas.</summary>
public static class DatabaseFile
{
    /// <summary>Each row as its columns joined with '|' (NULL as &lt;null&gt;).</summary>
    public static async Task<List<string>> QueryAsync(string path, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.IsDBNull(i) ? "<null>" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(string.Join('|', fields));
        }

        return rows;
    }
}
