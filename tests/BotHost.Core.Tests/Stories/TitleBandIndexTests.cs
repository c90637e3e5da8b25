using BotHost.Core.Stories;

namespace BotHost.Core.Tests.Stories;

public sealed class TitleBandIndexTests
{
    private static readonly DateTimeOffset Origin = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private const int PerProbe = StoryClusterer.MaxStoriesPerProbe;

    [Fact]
    public void Candidates_WhenMoreStoriesShareABandThanTheLimit_AreTheNewestInsideTheWindow()
    {
        var stories = Enumerable.Range(0, 60).Select(i => new Stored(i, Hash: 1000UL + (ulong)i, Bands: [7UL, 100UL + (ulong)i])).ToList();
        var query = new TitleFingerprint("query", 1UL, [7UL]);
        var since = Origin.AddHours(50);

        var found = IndexOf(stories).Candidates(query, since, 8, PerProbe);

        Assert.Equal(Expected(stories, query, since, 8, PerProbe), found);
        Assert.Equal(Enumerable.Range(52, 8).Reverse().Select(i => (long)Stored.IdOf(i)), found);
    }

    [Fact]
    public void Candidates_StorySharingMoreBands_RanksAboveManyNewerStoriesSharingOne()
    {
        var stories = new List<Stored> { new(0, Hash: 5UL, Bands: [7UL, 8UL, 9UL, 10UL]) };
        stories.AddRange(Enumerable.Range(1, 60).Select(i => new Stored(i, Hash: 1000UL + (ulong)i, Bands: [7UL, 100UL + (ulong)i])));
        var query = new TitleFingerprint("query", 1UL, [7UL, 8UL, 9UL, 10UL]);

        var found = IndexOf(stories).Candidates(query, Origin, 8, PerProbe);

        Assert.Equal(Stored.IdOf(0), found[0]);
        Assert.Equal(Expected(stories, query, Origin, 8, PerProbe), found);
    }

    [Fact]
    public void Candidates_OnRandomBandsAndHashes_WithLaterTitlesOfOlderStories_MatchTheDefinition()
    {
        const int seed = 4242;
        var random = new Random(seed);
        // Few distinct bands and hashes and a small probe bound, so many bands hold far more stories than it.
        const int perProbe = 40;
        var stories = Enumerable.Range(0, 700).Select(i => new Stored(i, Hash: (ulong)random.Next(6), Bands: RandomBands(random))).ToList();
        var index = IndexOf(stories);
        // Another title joins an older story after newer ones were indexed (a reworded repost), in random order.
        foreach (var story in Enumerable.Range(0, 150).Select(_ => stories[random.Next(stories.Count)]))
        {
            var variant = new TitleFingerprint("variant", (ulong)random.Next(8), RandomBands(random));
            index.Add(story.Id, default, variant);
            story.Hashes.Add(variant.NormalizedHash);
            story.BandSet.UnionWith(variant.BandKeys);
        }

        for (var q = 0; q < 40; q++)
        {
            var fingerprint = new TitleFingerprint("q", (ulong)random.Next(8), Enumerable.Range(0, random.Next(5)).Select(_ => (ulong)(10 + random.Next(32))).ToArray());
            var since = Origin.AddHours(random.Next(800));
            var limit = 1 + random.Next(40);

            var found = index.Candidates(fingerprint, since, limit, perProbe);

            Assert.True(Expected(stories, fingerprint, since, limit, perProbe).SequenceEqual(found),
                $"seed {seed}: hash {fingerprint.NormalizedHash}, bands [{string.Join(",", fingerprint.BandKeys)}], since {since:O}, limit {limit}");
        }
    }

    private static ulong[] RandomBands(Random random) =>
        Enumerable.Range(0, 1 + random.Next(4)).Select(_ => (ulong)(10 + (int)(Math.Pow(random.NextDouble(), 2) * 30))).Distinct().ToArray();

    [Fact]
    public void Add_AVariantTitle_MakesItsStoryFoundByTheVariantsBands_AndIgnoresStoriesNeverIndexed()
    {
        var index = IndexOf([new Stored(0, Hash: 1UL, Bands: [10UL]), new Stored(1, Hash: 2UL, Bands: [20UL])]);

        index.Add(Stored.IdOf(0), default, new TitleFingerprint("variant", 3UL, [30UL]));
        index.Add(Stored.IdOf(0) - 1, default, new TitleFingerprint("older than the window", 4UL, [40UL]));

        Assert.Equal([Stored.IdOf(0)], index.Candidates(new TitleFingerprint("q", 99UL, [30UL]), Origin, 8, PerProbe));
        Assert.Empty(index.Candidates(new TitleFingerprint("q", 99UL, [40UL]), Origin.AddHours(-100), 8, PerProbe));
        Assert.Equal(2, index.StoryCount);
    }

    [Fact]
    public void Clear_ForgetsEveryStory()
    {
        var index = IndexOf([new Stored(0, Hash: 1UL, Bands: [10UL])]);

        index.Clear();

        Assert.Empty(index.Candidates(new TitleFingerprint("q", 1UL, [10UL]), Origin, 8, PerProbe));
        Assert.Equal(0, index.StoryCount);
    }

    /// <summary>A story created <see cref="Index"/> hours after <see cref="Origin"/>, in creation order like the product does.</summary>
    private sealed record Stored(int Index, ulong Hash, ulong[] Bands)
    {
        public HashSet<ulong> Hashes { get; } = [Hash];

        public HashSet<ulong> BandSet { get; } = [.. Bands];

        public long Id => IdOf(Index);

        public DateTimeOffset FirstSeen => Origin.AddHours(Index);

        // Ids that are not positions, as in a database where older stories were pruned.
        public static long IdOf(int index) => 5000 + (3L * index);
    }

    private static TitleBandIndex IndexOf(IEnumerable<Stored> stories)
    {
        var index = new TitleBandIndex();
        foreach (var story in stories)
        {
            index.Add(story.Id, story.FirstSeen, new TitleFingerprint("t", story.Hash, story.Bands));
        }

        return index;
    }

    // The definition: stories first seen since the cutoff; each probe (the hash, each band) keeps its newest
    // perProbe matches; stories hit by more probes first, then newest first; at most limit.
    private static List<long> Expected(IEnumerable<Stored> stories, TitleFingerprint query, DateTimeOffset since, int limit, int perProbe)
    {
        var window = stories.Where(s => s.FirstSeen >= since).OrderByDescending(s => s.FirstSeen).ToList();
        var probes = new List<IEnumerable<Stored>> { window.Where(s => s.Hashes.Contains(query.NormalizedHash)).Take(perProbe) };
        probes.AddRange(query.BandKeys.Distinct().Select(band => window.Where(s => s.BandSet.Contains(band)).Take(perProbe)));
        return probes.SelectMany(p => p)
            .GroupBy(s => s)
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => g.Key.FirstSeen)
            .Take(limit)
            .Select(g => g.Key.Id)
            .ToList();
    }
}
