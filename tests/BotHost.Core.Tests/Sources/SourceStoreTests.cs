using BotHost.Core.Sources;
using BotHost.Core.Storage;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Sources;

public sealed class SourceStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ensure_OfARegisteredSourceUnderItsName_ReadsItWhileAnotherConnectionWrites()
    {
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Storage:BusyTimeoutMilliseconds"] = "1000" });
        var store = host.Services.GetRequiredService<SourceStore>();
        var first = await store.EnsureAsync(Blog("Blog"), Ct);
        await using var writer = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(Ct);
        await using var writing = (SqliteTransaction)await writer.BeginTransactionAsync(Ct);
        await using (var insert = writer.CreateCommand())
        {
            insert.CommandText = "INSERT INTO settings(key, value) VALUES ('held', 'by another writer')";
            await insert.ExecuteNonQueryAsync(Ct);
        }

        // An upsert would wait for the writer (ingest storing a feed) and fail after the busy timeout.
        var again = await store.EnsureAsync(Blog("Blog"), Ct);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Ensure_OfARenamedSource_KeepsItsIdAndStateUnderTheNewName()
    {
        await using var host = await CoreTestHost.StartAsync();
        var store = host.Services.GetRequiredService<SourceStore>();
        var first = await store.EnsureAsync(Blog("Blog"), Ct);
        await host.ExecuteAsync($"UPDATE sources SET etag = '\"v1\"' WHERE id = {first.Id}");

        var renamed = await store.EnsureAsync(Blog("The Blog"), Ct);

        Assert.Equal(first.Id, renamed.Id);
        Assert.Equal("The Blog", renamed.Name);
        Assert.Equal("\"v1\"", renamed.ETag);
        Assert.Equal(["The Blog"], await host.QueryStringsAsync("SELECT name FROM sources"));
    }

    private static SourceDefinition Blog(string name) => new(name, "https://blog.example.com/feed.xml", 1.0, [], TimeSpan.FromMinutes(30));
}
