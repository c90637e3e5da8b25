using BotHost.Core.Stories;

namespace BotHost.Core.Tests.Stories;

public sealed class TitleFingerprinterTests
{
    // Recorded from the first run of the algorithm; see Compute_BandKeys_MatchValuesStoredByEarlierRuns.
    private static readonly ulong[] ExpectedRustBandKeys = [17741692459811406170, 13344269787333106320, 467330431936055935];

    [Fact]
    public void Compute_SameTitleTwice_GivesEqualFingerprints()
    {
        var first = TitleFingerprinter.Compute("Event-Driven Architecture: Event Sourcing, CQRS, and the Outbox Pattern Explained");

        var second = TitleFingerprinter.Compute("Event-Driven Architecture: Event Sourcing, CQRS, and the Outbox Pattern Explained");

        Assert.Equal(first.Normalized, second.Normalized);
        Assert.Equal(first.NormalizedHash, second.NormalizedHash);
        Assert.Equal(first.BandKeys, second.BandKeys);
    }

    [Fact]
    public void Compute_GivesOneKeyPerBand()
    {
        var fingerprint = TitleFingerprinter.Compute("Why LinkedIn built Kafka");

        Assert.Equal(TitleFingerprinter.Bands, fingerprint.BandKeys.Count);
        Assert.Equal(TitleFingerprinter.Bands, fingerprint.BandKeys.Distinct().Count());
    }

    [Fact]
    public void Compute_NormalizedHash_IsFnv1a64OfUtf8()
    {
        // Published FNV-1a 64 test vectors (Fowler/Noll/Vo reference): "" and "a" and "foobar".
        var empty = TitleFingerprinter.Compute("");
        var a = TitleFingerprinter.Compute("A");
        var foobar = TitleFingerprinter.Compute("FooBar!");

        Assert.Equal(0xcbf29ce484222325UL, empty.NormalizedHash);
        Assert.Equal(0xaf63dc4c8601ec8cUL, a.NormalizedHash);
        Assert.Equal(0x85944171f73967e8UL, foobar.NormalizedHash);
    }

    [Fact]
    public void Compute_BandKeys_MatchValuesStoredByEarlierRuns()
    {
        // Band keys are persisted in the story index; if this changes, stored stories stop matching new items
        // and the index needs a rebuild migration. Values recorded when the algorithm was written.
        var fingerprint = TitleFingerprinter.Compute("Announcing Rust 1.80");

        Assert.Equal("announcing rust 1.80", fingerprint.Normalized);
        Assert.Equal(ExpectedRustBandKeys, fingerprint.BandKeys.Take(3).ToArray());
    }

    [Fact]
    public void Compute_WhenTitleHasNoWords_HasNoBandKeys()
    {
        var fingerprint = TitleFingerprinter.Compute("?!");

        Assert.Equal(string.Empty, fingerprint.Normalized);
        Assert.Empty(fingerprint.BandKeys);
    }

    [Fact]
    public void Compute_WhenOnlyFunctionWords_StillHasBandKeys()
    {
        var fingerprint = TitleFingerprinter.Compute("How to do it");

        Assert.Equal(TitleFingerprinter.Bands, fingerprint.BandKeys.Count);
    }

    [Fact]
    public void Compute_WhenOnlyFunctionWordsDiffer_SharesBandKeys()
    {
        var a = TitleFingerprinter.Compute("Why we moved off AWS Lambda");
        var b = TitleFingerprinter.Compute("We moved off of AWS Lambda");

        Assert.Equal(a.BandKeys, b.BandKeys);
    }

    [Fact]
    public void Compute_UnrelatedTitles_ShareNoBandKey()
    {
        string[] titles =
        [
            "Streaming 25 million Excel cells through 7 MB of memory",
            "Why LinkedIn built Kafka",
            "Announcing Rust 1.80",
            "Permissions look like an if-statement",
            "Dynamic tool pruning with Spring AI vector routing",
        ];
        var fingerprints = titles.Select(TitleFingerprinter.Compute).ToList();

        var collisions = fingerprints.SelectMany((f, i) => fingerprints.Skip(i + 1), (f, g) => f.BandKeys.Intersect(g.BandKeys).Count()).Sum();

        Assert.Equal(0, collisions);
    }

    [Theory]
    [InlineData("Event-Driven Architecture: Event Sourcing, CQRS, and the Outbox Pattern Explained")]
    [InlineData("How to do it")]
    [InlineData("Rust 1.80 released — what's new?")]
    [InlineData("")]
    public void ForScoring_GivesWhatTitleScoreReads_AsComputeDoes(string title)
    {
        var full = TitleFingerprinter.Compute(title);
        var other = TitleFingerprinter.Compute("Rust 1.80 is out: what is new");

        var forScoring = TitleFingerprinter.ForScoring(title);

        Assert.Equal(full.Normalized, forScoring.Normalized);
        Assert.Equal(full.NormalizedHash, forScoring.NormalizedHash);
        Assert.Empty(forScoring.BandKeys);
        Assert.Equal(StoryMatcher.TitleScore(other, full), StoryMatcher.TitleScore(other, forScoring));
    }
}
