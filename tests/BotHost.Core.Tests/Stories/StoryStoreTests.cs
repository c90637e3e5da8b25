using BotHost.Core.Storage;
using BotHost.Core.Stories;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Stories;

public sealed class StoryStoreTests
{
    private static readonly DateTimeOffset Origin = CoreTestHost.Start;

    [Fact]
    public async Task FindTitleCandidates_WhenMoreStoriesShareABandThanTheLimit_ReturnsTheNewestInsideTheWindow()
    {
        await using var host = await CoreTestHost.StartAsync();
        var stories = Enumerable.Range(0, 60).Select(i => new Stored(i, Hash: 1000UL + (ulong)i, Bands: [7UL, 100UL + (ulong)i])).ToList();
        var query = new TitleFingerprint("query", 1UL, [7UL]);
        var since = Origin.AddHours(50);

        var found = await FindAsync(host, stories, query, since, limit: 8);

        Assert.Equal(Expected(stories, query, since, 8), found);
        Assert.Equal(Enumerable.Range(52, 8).Reverse().Select(i => $"story {i}"), found);
    }

    [Fact]
    public async Task FindTitleCandidates_StorySharingMoreBands_RanksAboveManyNewerStoriesSharingOne()
    {
        await using var host = await CoreTestHost.StartAsync();
        var stories = new List<Stored> { new(0, Hash: 5UL, Bands: [7UL, 8UL, 9UL, 10UL]) };
        stories.AddRange(Enumerable.Range(1, 60).Select(i => new Stored(i, Hash: 1000UL + (ulong)i, Bands: [7UL, 100UL + (ulong)i])));
        var query = new TitleFingerprint("query", 1UL, [7UL, 8UL, 9UL, 10UL]);

        var found = await FindAsync(host, stories, query, Origin, limit: 8);

        Assert.Equal("story 0", found[0]);
        Assert.Equal(Expected(stories, query, Origin, 8), found);
    }

    [Fact]
    public async Task FindTitleCandidates_OnRandomBandsAndHashes_MatchesTheDefinition()
    {
        const int seed = 4242;
        var random = new Random(seed);
        await using var host = await CoreTestHost.StartAsync();
        // Few distinct bands and hashes, so some bands hold far more stories than the limits.
        var stories = Enumerable.Range(0, 700).Select(i => new Stored(
            i,
            Hash: (ulong)random.Next(6),
            Bands: Enumerable.Range(0, 1 + random.Next(4)).Select(_ => (ulong)(10 + (int)(Math.Pow(random.NextDouble(), 2) * 30))).Distinct().ToArray())).ToList();
        var queries = Enumerable.Range(0, 25).Select(_ => (
            Fingerprint: new TitleFingerprint("q", (ulong)random.Next(8), Enumerable.Range(0, random.Next(5)).Select(_ => (ulong)(10 + random.Next(32))).ToArray()),
            Since: Origin.AddHours(random.Next(400)),
            Limit: 1 + random.Next(40))).ToList();

        foreach (var (fingerprint, since, limit) in queries)
        {
            var found = await FindAsync(host, stories, fingerprint, since, limit);

            Assert.True(Expected(stories, fingerprint, since, limit).SequenceEqual(found),
                $"seed {seed}: hash {fingerprint.NormalizedHash}, bands [{string.Join(",", fingerprint.BandKeys)}], since {since:O}, limit {limit}");
        }
    }

    /// <summary>A story created <see cref="Index"/> hours after <see cref="Origin"/>, in creation order like the product does.</summary>
    private sealed record Stored(int Index, ulong Hash, ulong[] Bands)
    {
        public string Title => $"story {Index}";

        public DateTimeOffset FirstSeen => Origin.AddHours(Index);
    }

    // The definition: stories first seen since the cutoff; each probe (the hash, each band) keeps its newest
    // MaxRowsPerProbe matches; stories hit by more probes first, then newest first; at most limit.
    private static List<string> Expected(IEnumerable<Stored> stories, TitleFingerprint query, DateTimeOffset since, int limit)
    {
        var window = stories.Where(s => s.FirstSeen >= since).OrderByDescending(s => s.FirstSeen).ToList();
        var probes = new List<IEnumerable<Stored>> { window.Where(s => s.Hash == query.NormalizedHash).Take(StoryStore.MaxRowsPerProbe) };
        probes.AddRange(query.BandKeys.Select(band => window.Where(s => s.Bands.Contains(band)).Take(StoryStore.MaxRowsPerProbe)));
        return probes.SelectMany(p => p)
            .GroupBy(s => s)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key.FirstSeen)
            .Take(limit)
            .Select(g => g.Key.Title)
            .ToList();
    }

    private static async Task<List<string>> FindAsync(CoreTestHost host, IReadOnlyList<Stored> stories, TitleFingerprint query, DateTimeOffset since, int limit)
    {
        var store = host.Services.GetRequiredService<StoryStore>();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await host.Services.GetRequiredService<SqliteConnectionFactory>().OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var sql = new TransactionCommands(tx);
        foreach (var story in stories)
        {
            var id = await store.CreateAsync(sql, new NewStory(story.Title, string.Empty, null, story.Hash, null, story.FirstSeen, false), cancellationToken);
            await store.AddBandsAsync(sql, id, story.Bands, cancellationToken);
        }

        var found = await store.FindTitleCandidatesAsync(sql, query, since, limit, cancellationToken);
        await tx.RollbackAsync(cancellationToken);
        return found.Select(c => c.Title).ToList();
    }
}
