using BotHost.Core.Storage;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Storage;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task Migrate_OnNewFile_CreatesSchemaInWalModeWithForeignKeys()
    {
        await using var host = await CoreTestHost.StartAsync();

        Assert.Equal([DatabaseMigrator.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)], await host.QueryStringsAsync("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(["wal"], await host.QueryStringsAsync("PRAGMA journal_mode"));
        Assert.Equal(["1"], await host.QueryStringsAsync("PRAGMA foreign_keys"));
        Assert.Contains("story_search", await host.QueryStringsAsync("SELECT name FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public async Task Migrate_Twice_IsANoOp()
    {
        await using var host = await CoreTestHost.StartAsync();

        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DatabaseMigrator.LatestVersion, await host.CountAsync("schema_version"));
    }

    [Fact]
    public async Task Migrate_WhenDatabaseIsNewerThanCode_FailsClearlyAndLeavesItUntouched()
    {
        await using var host = await CoreTestHost.StartAsync();
        var future = DatabaseMigrator.LatestVersion + 1;
        await using (var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(TestContext.Current.CancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO schema_version(version, name, applied_at) VALUES ({future}, 'from_the_future', 0); PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        SqliteConnection.ClearAllPools();
        var path = host.Services.GetRequiredService<SqliteConnectionFactory>().DatabasePath;
        var before = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SchemaTooNewException>(() => host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken));

        SqliteConnection.ClearAllPools();
        Assert.Contains($"schema version {future}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:DatabasePath", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }
}
