namespace BotHost.Core.Stories;

/// <summary>
/// Decides whether two items tell the same story: the same canonical link settles it; otherwise the titles
/// are scored. Scoring works on two fingerprints only, so the cost per comparison is independent of how many
/// stories are stored; the store finds the few candidates through <see cref="TitleFingerprint.BandKeys"/>.
/// </summary>
public static class StoryMatcher
{
    /// <summary>
    /// Tuned on tests/BotHost.Core.Tests/TestData/Stories/title-pairs.tsv: one added word keeps a title of three
    /// or more content words above it, one substituted word needs about seven content words to stay above it.
    /// </summary>
    public const double SameStoryThreshold = 0.75;

    private const double StopWordWeight = 0.5;
    private const int ShortTitleTokens = 4;
    private const double ConflictFactor = 0.5;
    private const int MinPrefixContentWords = 5;
    private const double PrefixScore = 0.85;
    private const int GenericTitleContentWords = 2;

    public static StoryMatch Compare(string titleA, string? urlA, string titleB, string? urlB)
    {
        ArgumentNullException.ThrowIfNull(titleA);
        ArgumentNullException.ThrowIfNull(titleB);
        var keyA = StoryKeyOrNull(urlA);
        var keyB = StoryKeyOrNull(urlB);
        if (keyA is not null && keyA == keyB)
        {
            return new StoryMatch(true, 1.0);
        }

        var a = TitleFingerprinter.Compute(titleA);
        var b = TitleFingerprinter.Compute(titleB);
        var score = TitleScore(a, b);

        // "Introduction" or "Release notes" on two different sites are two stories: a title that short
        // cannot outvote links that disagree.
        if (keyA is not null && keyB is not null && Math.Min(ContentWords(a), ContentWords(b)) <= GenericTitleContentWords)
        {
            score *= ConflictFactor;
        }

        return new StoryMatch(score >= SameStoryThreshold, score);
    }

    /// <summary>Title similarity in 0..1; symmetric.</summary>
    public static double TitleScore(TitleFingerprint a, TitleFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var tokensA = TitleTokens.Split(a.Normalized);
        var tokensB = TitleTokens.Split(b.Normalized);
        if (tokensA.Length == 0 || tokensB.Length == 0)
        {
            return 0;
        }

        if (a.NormalizedHash == b.NormalizedHash && a.Normalized == b.Normalized)
        {
            return 1.0;
        }

        var setA = tokensA.ToHashSet(StringComparer.Ordinal);
        var setB = tokensB.ToHashSet(StringComparer.Ordinal);
        var score = WeightedJaccard(setA, setB);

        // Headline words are few, so one differing word swings token overlap a lot; letters are steadier.
        if (Math.Min(tokensA.Length, tokensB.Length) < ShortTitleTokens)
        {
            score = (score + TrigramJaccard(a.Normalized, b.Normalized)) / 2;
        }

        // A title cut down to fit (HN's 80 characters, a dropped subtitle) is a prefix of the full one.
        if (IsLongPrefix(tokensA, tokensB) || IsLongPrefix(tokensB, tokensA))
        {
            score = Math.Max(score, PrefixScore);
        }

        if (NumbersConflict(setA, setB))
        {
            score *= ConflictFactor;
        }

        if (setA.Count(TitleTokens.IsNegation) != setB.Count(TitleTokens.IsNegation))
        {
            score *= ConflictFactor;
        }

        return score;
    }

    private static string? StoryKeyOrNull(string? url) =>
        UrlCanonicalizer.TryCanonicalize(url, out var canonical, out _) ? UrlCanonicalizer.KeyOfCanonical(canonical) : null;

    private static int ContentWords(TitleFingerprint f) =>
        TitleTokens.Split(f.Normalized).Count(t => !TitleTokens.IsStopWord(t));

    private static double Weight(string token) => TitleTokens.IsStopWord(token) ? StopWordWeight : 1.0;

    private static double WeightedJaccard(HashSet<string> a, HashSet<string> b)
    {
        double shared = 0, union = 0;
        foreach (var t in a)
        {
            union += Weight(t);
            if (b.Contains(t))
            {
                shared += Weight(t);
            }
        }

        foreach (var t in b)
        {
            if (!a.Contains(t))
            {
                union += Weight(t);
            }
        }

        return union == 0 ? 0 : shared / union;
    }

    private static double TrigramJaccard(string a, string b)
    {
        var ta = Trigrams(a);
        var tb = Trigrams(b);
        var shared = ta.Count(tb.Contains);
        return (double)shared / (ta.Count + tb.Count - shared);
    }

    private static HashSet<string> Trigrams(string text)
    {
        var padded = " " + text + " ";
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add(padded.Substring(i, 3));
        }

        return set;
    }

    private static bool IsLongPrefix(string[] shorter, string[] longer) =>
        shorter.Length < longer.Length
        && shorter.Count(t => !TitleTokens.IsStopWord(t)) >= MinPrefixContentWords
        && shorter.AsSpan().SequenceEqual(longer.AsSpan(0, shorter.Length));

    // "Rust 1.80" vs "Rust 1.81": both sides have a number the other lacks, so a number changed.
    // A number on one side only ("Top 10 …" vs "…") is extra detail, not a conflict.
    private static bool NumbersConflict(HashSet<string> a, HashSet<string> b) =>
        a.Any(t => TitleTokens.IsNumber(t) && !b.Contains(t)) && b.Any(t => TitleTokens.IsNumber(t) && !a.Contains(t));
}
