using BotHost.Core.Storage;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Storage;

public sealed class DatabaseCheckerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_AFreshDatabase_IsHealthyAtThisBinarysSchema()
    {
        await using var host = await CoreTestHost.StartAsync();

        var report = await host.Services.GetRequiredService<DatabaseChecker>().CheckAsync(Ct);

        Assert.True(report.Healthy, report.Unreadable);
        Assert.Equal(DatabaseMigrator.LatestVersion, report.SchemaVersion);
        Assert.False(report.SchemaTooNew);
    }

    [Fact]
    public async Task Check_ARowWhoseParentIsGone_IsABrokenReferenceNamingTheTable()
    {
        await using var host = await CoreTestHost.StartAsync();
        await RawAsync(host, "PRAGMA foreign_keys = OFF; INSERT INTO story_keys(key, story_id) VALUES ('orphan', 424242);");

        var report = await host.Services.GetRequiredService<DatabaseChecker>().CheckAsync(Ct);

        Assert.False(report.Healthy);
        Assert.Contains("story_keys row ? refers to a missing stories row", Assert.Single(report.ForeignKeyProblems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ASchemaFromANewerBotHost_SaysSo()
    {
        await using var host = await CoreTestHost.StartAsync();
        await RawAsync(host, "INSERT INTO schema_version(version, name, applied_at) VALUES (999, 'from_the_future', 0)");

        var report = await host.Services.GetRequiredService<DatabaseChecker>().CheckAsync(Ct);

        Assert.True(report.Healthy);
        Assert.True(report.SchemaTooNew);
        Assert.Equal(999, report.SchemaVersion);
    }

    [Fact]
    public async Task Check_AFileThatIsNotADatabase_OrNoFile_IsUnreadableWithTheReason()
    {
        await using var host = await CoreTestHost.StartAsync();
        var garbage = Path.Combine(host.Directory, "garbage.db");
        await File.WriteAllTextAsync(garbage, new string('x', 8192), Ct);

        var notADatabase = await Checker(garbage).CheckAsync(Ct);
        var missing = await Checker(Path.Combine(host.Directory, "missing.db")).CheckAsync(Ct);

        Assert.Contains("SQLite cannot read it", notADatabase.Unreadable, StringComparison.Ordinal);
        Assert.Contains("there is no database file", missing.Unreadable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ADamagedPage_IsFound()
    {
        await using var host = await CoreTestHost.StartAsync();
        var path = host.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;
        await RawAsync(host, "PRAGMA wal_checkpoint(TRUNCATE)");
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        var pageSize = (bytes[16] << 8) | bytes[17];
        // Scribble over the tree pages after the schema page; the header and sqlite_master (page 1) stay readable.
        for (var i = pageSize * 2; i < bytes.Length; i += 7)
        {
            bytes[i] = 0xA5;
        }

        await File.WriteAllBytesAsync(path, bytes, Ct);

        var report = await Checker(path).CheckAsync(Ct);

        Assert.Null(report.Unreadable);
        Assert.False(report.Healthy);
        Assert.NotEmpty(report.IntegrityProblems);
    }

    private static DatabaseChecker Checker(string path) =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = path }));

    private static async Task RawAsync(CoreTestHost host, string sql)
    {
        var path = host.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
