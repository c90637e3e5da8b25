namespace BotHost.Core.Stories;

/// <summary>
/// MinHash over the title's content words (1-word shingles: headlines are too short for longer ones),
/// cut into LSH bands. Two titles whose word sets have Jaccard similarity J share a band with probability
/// 1 - (1 - J^RowsPerBand)^Bands: about 0.99 at J = 0.5 and 0.03 at J = 0.1.
/// </summary>
public static class TitleFingerprinter
{
    public const int Bands = 16;
    public const int RowsPerBand = 2;

    private const ulong SeedBase = 0x5EED_B07_0057_0001;
    private static readonly ulong[] Seeds = CreateSeeds(Bands * RowsPerBand);

    public static TitleFingerprint Compute(string title)
    {
        var normalized = TitleNormalizer.Normalize(title);
        var shingles = Shingles(normalized);
        if (shingles.Count == 0)
        {
            return new TitleFingerprint(normalized, Fnv1a64.Hash(normalized), []);
        }

        var minima = new ulong[Seeds.Length];
        Array.Fill(minima, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            var h = Fnv1a64.Hash(shingle);
            for (var i = 0; i < Seeds.Length; i++)
            {
                minima[i] = Math.Min(minima[i], Fnv1a64.Mix(h ^ Seeds[i]));
            }
        }

        var bandKeys = new ulong[Bands];
        for (var band = 0; band < Bands; band++)
        {
            // The band number is part of the key so equal minima in different bands do not collide.
            var key = Fnv1a64.Mix(SeedBase + (ulong)band);
            for (var row = 0; row < RowsPerBand; row++)
            {
                key = Fnv1a64.Mix(key ^ minima[(band * RowsPerBand) + row]);
            }

            bandKeys[band] = key;
        }

        return new TitleFingerprint(normalized, Fnv1a64.Hash(normalized), bandKeys);
    }

    /// <summary>
    /// The normalized title and its hash without the bands: all <see cref="StoryMatcher.TitleScore"/> reads, at a
    /// fraction of the cost, for scoring a stored candidate's title (the MinHash was most of the scoring time).
    /// </summary>
    public static TitleFingerprint ForScoring(string title)
    {
        var normalized = TitleNormalizer.Normalize(title);
        return new TitleFingerprint(normalized, Fnv1a64.Hash(normalized), []);
    }

    private static HashSet<string> Shingles(string normalized)
    {
        var tokens = TitleTokens.Split(normalized);
        var content = tokens.Where(t => !TitleTokens.IsStopWord(t)).ToHashSet(StringComparer.Ordinal);

        // "How to do it" has no content words; its function words are all it has.
        return content.Count > 0 ? content : tokens.ToHashSet(StringComparer.Ordinal);
    }

    private static ulong[] CreateSeeds(int count)
    {
        var seeds = new ulong[count];
        var state = SeedBase;
        for (var i = 0; i < count; i++)
        {
            state += 0x9E3779B97F4A7C15;
            seeds[i] = Fnv1a64.Mix(state);
        }

        return seeds;
    }
}
