using System.Text;
using BotHost.Core.Collecting;
using BotHost.Core.Scheduling;
using BotHost.Hosting;
using BotHost.Testing.Feeds;
using BotHost.Testing.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotHost.Tests.Hosting;

/// <summary>Stopping the host (Ctrl+C) while its first collection round is stuck in a fetch.</summary>
public sealed class ShutdownDuringCollectionTests : IAsyncLifetime
{
    /// <summary>Far above <see cref="StopBound"/>: the host must stop because the job is cancelled, not because a timeout gave up on it.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(15);

    private static readonly string Feed = """
        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blog</title><link>https://blog.example.com/</link>
        <item><guid>p-1</guid><title>How the SQLite write-ahead log works</title><link>https://blog.example.com/wal</link><description>Readers never block writers, and why.</description></item>
        <item><guid>p-2</guid><title>Why LinkedIn built Kafka and what it changed</title><link>https://blog.example.com/kafka</link><description>A history of the log-based message broker.</description></item>
        <item><guid>p-3</guid><title>Distributed transactions: two-phase commit versus sagas</title><link>https://blog.example.com/sagas</link><description>Compensating transactions explained with examples.</description></item>
        </channel></rss>
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
    private LoopbackFeedServer _server = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string DatabasePath => Path.Combine(_directory, "bothost.db");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _server = await LoopbackFeedServer.StartAsync(Token);
        await File.WriteAllTextAsync(Path.Combine(_directory, "sources.json"),
            $$"""{ "sources": [ { "name": "Blog", "url": "{{_server.Url("/feed.xml")}}" } ] }""", Token);
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Stop_WhileAFetchIsStalled_StopsPromptlyLeavesTheDatabaseConsistentAndARestartStoresEachItemOnce()
    {
        var stalled = new LoopbackResponse { Body = Encoding.UTF8.GetBytes(Feed), StallAfterBytes = 100 };
        _server.Map("/feed.xml", stalled);
        using (var host = BuildHost(new FirstRoundSignal()))
        {
            await host.StartAsync(Token);
            await stalled.BodyStarted.Task.WaitAsync(StopBound, Token);

            await host.StopAsync(Token).WaitAsync(StopBound, Token);
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(["ok"], await QueryAsync("PRAGMA integrity_check"));
        Assert.Equal(["0"], await QueryAsync("SELECT COUNT(*) FROM items"));
        Assert.Equal(["0|<null>"], await QueryAsync("SELECT consecutive_failures || '|' || COALESCE(last_error, '<null>') FROM sources"));

        _server.Map("/feed.xml", LoopbackResponse.Text(Feed));
        var restarted = new FirstRoundSignal();
        using (var host = BuildHost(restarted))
        {
            await host.StartAsync(Token);
            var first = Assert.Single(await restarted.Completed.Task.WaitAsync(StopBound, Token));
            var again = Assert.Single(await host.Services.GetRequiredService<CollectionRound>().CollectAllAsync(force: true, Token));
            await host.StopAsync(Token).WaitAsync(StopBound, Token);

            Assert.Equal(3, first.Ingest.NewItems);
            Assert.Equal(0, again.Ingest.NewItems);
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(["3|3"], await QueryAsync("SELECT (SELECT COUNT(*) FROM items) || '|' || (SELECT COUNT(*) FROM stories)"));
    }

    [Fact]
    public async Task CtrlC_WhileTheRealProcessIsStuckInAFetch_ExitsZeroPromptlyWithAConsistentDatabase()
    {
        Assert.SkipUnless(BotHostProcess.CanInterrupt, "SIGINT is sent with kill(2).");
        var stalled = new LoopbackResponse { Body = Encoding.UTF8.GetBytes(Feed), StallAfterBytes = 100 };
        _server.Map("/feed.xml", stalled);
        using var process = BotHostProcess.Start(new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = DatabasePath,
            ["Feeds__SourcesFile"] = Path.Combine(_directory, "sources.json"),
            ["Feeds__AllowPrivateAddresses"] = "true",
            ["Feeds__TimeoutSeconds"] = "600",
        });

        await stalled.BodyStarted.Task.WaitAsync(TimeSpan.FromSeconds(60), Token);
        await process.InterruptAsync(StopBound);

        Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}; output:\n{process.Output}");
        Assert.Equal(["ok"], await QueryAsync("PRAGMA integrity_check"));
        Assert.Equal(["0"], await QueryAsync("SELECT COUNT(*) FROM items"));
        Assert.Equal(["0|<null>"], await QueryAsync("SELECT consecutive_failures || '|' || COALESCE(last_error, '<null>') FROM sources"));
    }

    private IHost BuildHost(FirstRoundSignal firstRound)
    {
        var builder = BotHostApplication.CreateBuilder(forCli: false, overrides: new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = DatabasePath,
            ["Feeds:SourcesFile"] = Path.Combine(_directory, "sources.json"),
            ["Feeds:AllowPrivateAddresses"] = "true",
            ["Feeds:TimeoutSeconds"] = "600",
            ["Curation:TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
            ["Discord:Token"] = "",
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton<ICollectionListener>(firstRound);
        return builder.Build();
    }

    private Task<List<string>> QueryAsync(string sql) => DatabaseFile.QueryAsync(DatabasePath, sql, Token);
}
