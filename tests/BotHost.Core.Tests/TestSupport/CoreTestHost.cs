using BotHost.Core.Collecting;
using BotHost.Core.Delivery;
using BotHost.Core.Digests;
using BotHost.Core.Stories;
using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Core.Tests.TestSupport;

/// <summary>
/// The Core services on a temporary directory (database, sources file, feed files) and a fake clock.
/// Disposing deletes the directory. A second host on the same directory simulates a restart.
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CoreTestHost(string directory, FakeTimeProvider time, ServiceProvider services)
    {
        Directory = directory;
        Time = time;
        _services = services;
    }

    public string Directory { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _services;

    public string SourcesFile => Path.Combine(Directory, "sources.json");

    /// <summary>Absent unless a test writes it: no topic filtering by default.</summary>
    public string TopicsFile => Path.Combine(Directory, "topics.json");

    public static readonly DateTimeOffset Start = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

    /// <param name="configure">Runs after the product's registrations, so a test can replace a service (e.g. the parser).</param>
    public static async Task<CoreTestHost> StartAsync(
        string? directory = null, FakeTimeProvider? time = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        time ??= new FakeTimeProvider(Start);
        var values = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Feeds:SourcesFile"] = Path.Combine(directory, "sources.json"),
            ["Feeds:FirstFetchIsBacklog"] = "false",
            ["Curation:TopicsFile"] = Path.Combine(directory, "topics.json"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<RecordingSink>();
        collection.AddSingleton<ISink>(sp => sp.GetRequiredService<RecordingSink>());
        collection
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddStorage()
            .AddCollecting()
            .AddDigests()
            .AddSubscriptions()
            .AddDelivery();
        configure?.Invoke(collection);
        var services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(TestContext.Current.CancellationToken);
        return new CoreTestHost(directory, time, services);
    }

    /// <summary>Writes the sources file listing the given (name, file) feeds, files relative to <see cref="Directory"/>.</summary>
    public void WriteSources(params (string Name, string File)[] feeds) =>
        WriteSources(feeds.Select(f => (f.Name, f.File, Array.Empty<string>())).ToArray());

    /// <summary>Writes the sources file listing the given feeds with their topics (an empty array writes no "topics").</summary>
    public void WriteSources(params (string Name, string File, string[] Topics)[] feeds)
    {
        var entries = feeds.Select(f =>
        {
            var topics = f.Topics.Length == 0 ? string.Empty : ", \"topics\": [" + string.Join(", ", f.Topics.Select(t => $"\"{t}\"")) + "]";
            return $"{{ \"name\": \"{f.Name}\", \"url\": \"{Path.Combine(Directory, f.File).Replace("\\", "\\\\", StringComparison.Ordinal)}\"{topics} }}";
        });
        File.WriteAllText(SourcesFile, "{ \"sources\": [" + string.Join(",", entries) + "] }");
    }

    /// <summary>Writes the sources file listing the given (name, absolute URL) feeds.</summary>
    public void WriteSourceUrls(params (string Name, Uri Url)[] feeds) =>
        File.WriteAllText(SourcesFile, "{ \"sources\": [" + string.Join(",", feeds.Select(f => $"{{ \"name\": \"{f.Name}\", \"url\": \"{f.Url}\" }}")) + "] }");

    /// <summary>Must be written before the first collection: the vocabulary is read once, when the pipeline is built.</summary>
    public void WriteTopics(string json) => File.WriteAllText(TopicsFile, json);

    public void WriteFeed(string file, string content) => File.WriteAllText(Path.Combine(Directory, file), content);

    public Task<IReadOnlyList<CollectionOutcome>> CollectAllAsync() =>
        Services.GetRequiredService<CollectionRound>().CollectAllAsync(force: true, TestContext.Current.CancellationToken);

    public async Task<long> CountAsync(string table)
    {
        await using var connection = await Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public async Task<List<string>> QueryStringsAsync(string sql)
    {
        await using var connection = await Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var result = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            result.Add(reader.IsDBNull(0) ? "<null>" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return result;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The stories a digest of an all-topics subscription would consider now (kept by its filters), best first,
    /// whatever its size and per-source cap: what collecting offered to digests.
    /// </summary>
    public async Task<CandidateDigest> ComposeDigestAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var channel = new ChannelKey(999, 999);
        var found = await Services.GetRequiredService<SubscriptionService>().FindAsync(channel, null, ct);
        var subscription = found.Subscription
            ?? (await Services.GetRequiredService<SubscriptionService>().SubscribeAsync(channel, new SubscriptionRequest { Size = 25 }, ct)).Subscription!;
        var preview = await Services.GetRequiredService<DigestRunner>().PreviewAsync(subscription, ct);
        return new CandidateDigest([.. preview.Selection!.Candidates.Where(c => c.Verdict.Kept).Select(c => c.Story)]);
    }

    public RecordingSink Sink => Services.GetRequiredService<RecordingSink>();

    /// <summary>Stops this host's services but keeps the directory (for restart tests).</summary>
    public async Task StopAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
