using BenchmarkDotNet.Attributes;
using BotHost.Core.Collecting;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using Microsoft.Data.Sqlite;

namespace BotHost.Benchmarks.Stories;

/// <summary>
/// Claim: assigning one new item to a story costs the same with 100,000 stored stories as with 1,000
/// (Ratio close to 1), because every lookup is an index probe bounded by the title-match window.
/// Each invocation inserts a fresh item and assigns it (one in four rewords a recent story, so the
/// title-match path runs too), then rolls back, so the database stays the size the row says.
/// </summary>
[MemoryDiagnoser]
public class StoryAssignmentBenchmarks
{
    private const int PoolSize = 4_096;
    private const int Seed = 20261125;

    private readonly ItemStore _items = new();
    // A rolled-back story stays in the title index; its id then names no stored story, so it is never a match.
    private readonly StoryClusterer _clusterer = new(new StoryStore(), new TitleBandIndex());
    private StoryDatabase? _database;
    private SqliteConnection? _connection;
    private (StoredItem Item, StoryCandidate Candidate)[] _pool = [];
    private int _next;

    [GlobalSetup(Target = nameof(Stories1K))]
    public Task SetupSmall() => SetupAsync(1_000);

    [GlobalSetup(Target = nameof(Stories10K))]
    public Task SetupMedium() => SetupAsync(10_000);

    [GlobalSetup(Target = nameof(Stories100K))]
    public Task SetupLarge() => SetupAsync(100_000);

    [Benchmark(Baseline = true, Description = "assign 1 item, 1,000 stories")]
    public Task<ClusterDecision> Stories1K() => AssignFreshItemAsync();

    [Benchmark(Description = "assign 1 item, 10,000 stories")]
    public Task<ClusterDecision> Stories10K() => AssignFreshItemAsync();

    [Benchmark(Description = "assign 1 item, 100,000 stories")]
    public Task<ClusterDecision> Stories100K() => AssignFreshItemAsync();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private async Task SetupAsync(int stories)
    {
        var headlines = new Headlines(Seed);
        _database = await StoryDatabase.CreateAsync(stories, headlines, CancellationToken.None);
        _connection = await _database.Connections.OpenAsync(CancellationToken.None);

        // Ids far above the stored ones keep every pooled item's URL and source id unique.
        _pool = new (StoredItem, StoryCandidate)[PoolSize];
        for (var i = 0; i < PoolSize; i++)
        {
            var title = i % 4 == 3
                ? headlines.Reword(_database.RecentTitles[headlines.Next(_database.RecentTitles.Count)])
                : headlines.NextTitle();
            var url = UrlCanonicalizer.Canonicalize(headlines.UrlFor(title, 10_000_000 + i, StoryDatabase.Now));
            var item = new StoredItem(StoryDatabase.SourceId, url, url, url, null, title, string.Empty, StoryDatabase.Now, StoryDatabase.Now, false, null, null);
            var candidate = new StoryCandidate(0, StoryDatabase.SourceId, title, string.Empty, url, null, StoryDatabase.Now, StoryDatabase.Now, false);
            _pool[i] = (item, candidate);
        }
    }

    private async Task<ClusterDecision> AssignFreshItemAsync()
    {
        var (item, candidate) = _pool[_next++ % PoolSize];
        await using var tx = _connection!.BeginTransaction();
        await using var sql = new TransactionCommands(tx);
        var itemId = await _items.InsertAsync(sql, item, CancellationToken.None);
        var decision = await _clusterer.AssignAsync(sql, candidate with { ItemId = itemId }, CancellationToken.None);
        await tx.RollbackAsync(CancellationToken.None);
        return decision;
    }
}
