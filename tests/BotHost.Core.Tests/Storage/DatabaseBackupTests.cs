using BotHost.Core.Storage;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Storage;

public sealed class DatabaseBackupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_WhileAnotherConnectionKeepsWriting_CopiesOneConsistentSnapshotThatChecksClean()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.ExecuteAsync("CREATE TABLE backup_probe (n INTEGER NOT NULL)");
        var written = 0;
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            await using var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(Ct);
            for (var n = 1; n <= 200_000 && !stop.IsCancellationRequested; n++)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO backup_probe(n) VALUES ($n)";
                insert.Parameters.AddWithValue("$n", n);
                await insert.ExecuteNonQueryAsync(Ct);
                Volatile.Write(ref written, n);
                if (n == 200)
                {
                    enough.TrySetResult();
                }
            }
        }, Ct);
        await enough.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var target = Path.Combine(host.Directory, "backups", "bothost-backup.db");

        var writtenBefore = Volatile.Read(ref written);
        var (path, bytes) = await host.Services.GetRequiredService<DatabaseBackup>().BackupAsync(target, overwrite: false, Ct);
        await stop.CancelAsync();
        await writer;

        var rows = long.Parse((await DatabaseFile.QueryAsync(path, "SELECT COUNT(*) FROM backup_probe", Ct))[0], System.Globalization.CultureInfo.InvariantCulture);
        var contiguous = await DatabaseFile.QueryAsync(path, "SELECT COUNT(*) = MAX(n) FROM backup_probe", Ct);
        Assert.Equal(target, path);
        Assert.True(bytes > 0);
        Assert.InRange(rows, writtenBefore, Volatile.Read(ref written));
        Assert.Equal(["1"], contiguous);
        Assert.Equal(["ok"], await DatabaseFile.QueryAsync(path, "PRAGMA integrity_check", Ct));
        Assert.Equal(["delete"], await DatabaseFile.QueryAsync(path, "PRAGMA journal_mode", Ct));
        Assert.Equal([DatabaseMigrator.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)], await DatabaseFile.QueryAsync(path, "SELECT MAX(version) FROM schema_version", Ct));
        Assert.False(File.Exists(target + ".partial"));
    }

    [Fact]
    public async Task Backup_OverAnExistingFile_RefusesWithoutForce_AndReplacesItWithForce()
    {
        await using var host = await CoreTestHost.StartAsync();
        var backup = host.Services.GetRequiredService<DatabaseBackup>();
        var target = Path.Combine(host.Directory, "copy.db");
        await File.WriteAllTextAsync(target, "an older backup", Ct);

        var refused = await Assert.ThrowsAsync<DatabaseBackupException>(() => backup.BackupAsync(target, overwrite: false, Ct));
        var keptAfterRefusal = await File.ReadAllTextAsync(target, Ct);
        await backup.BackupAsync(target, overwrite: true, Ct);

        Assert.Contains("pass --force", refused.Message, StringComparison.Ordinal);
        Assert.Equal("an older backup", keptAfterRefusal);
        Assert.Equal(["ok"], await DatabaseFile.QueryAsync(target, "PRAGMA integrity_check", Ct));
    }

    [Fact]
    public async Task Backup_OntoTheDatabaseItself_IsRefused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var database = host.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;

        var refused = await Assert.ThrowsAsync<DatabaseBackupException>(() => host.Services.GetRequiredService<DatabaseBackup>().BackupAsync(database, overwrite: true, Ct));

        Assert.Contains("is the database itself", refused.Message, StringComparison.Ordinal);
    }
}
