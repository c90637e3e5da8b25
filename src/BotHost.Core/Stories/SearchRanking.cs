namespace BotHost.Core.Stories;

/// <summary>
/// Orders a search's matches by the same Okapi BM25 that FTS5's bm25() computes (k1 1.2, b 0.75, a hit in the title
/// weighing 5 and one in the summary 1, document length in tokens), but from the stories' text, with each term's
/// document frequency supplied by the caller. FTS5's bm25() counts every story each term matches before it scores
/// the first row: on a million stories that was 20 ms for "new" (in 77% of them) and 80 ms for the phrase "new new".
/// </summary>
internal static class SearchRanking
{
    public const double TitleWeight = 5.0;
    public const double SummaryWeight = 1.0;
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>
    /// FTS5's inverse document frequency of a term found in <paramref name="matching"/> of <paramref name="stories"/>
    /// stories (never below a tiny positive weight, as bm25() clamps it).
    /// </summary>
    public static double InverseDocumentFrequency(double matching, double stories)
        => Math.Max(1e-6, Math.Log((stories - matching + 0.5) / (matching + 0.5)));

    /// <summary>
    /// The best <paramref name="limit"/> of <paramref name="candidates"/>, best first; equal scores go newest first.
    /// The average length comes from <paramref name="window"/> (every match read, before filters).
    /// </summary>
    public static IReadOnlyList<SearchCandidate> Best(
        IReadOnlyList<SearchCandidate> candidates, IReadOnlyList<SearchCandidate> window, IReadOnlyList<SearchPhrase> phrases, IReadOnlyList<double> idf, int limit)
    {
        var counted = window.ToDictionary(c => c.StoryId, c => (Title: SearchText.Tokens(c.Title), Summary: SearchText.Tokens(c.Summary)));
        var averageLength = Math.Max(1.0, counted.Values.Average(t => (double)(t.Title.Count + t.Summary.Count)));
        return [.. candidates
            .Select(c => (Candidate: c, Score: Score(counted[c.StoryId], phrases, idf, averageLength)))
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Candidate.FirstSeenAtMs)
            .ThenByDescending(s => s.Candidate.StoryId)
            .Take(limit)
            .Select(s => s.Candidate)];
    }

    /// <summary>The BM25 score of one story (higher is better; FTS5's bm25() returns its negative).</summary>
    internal static double Score(SearchCandidate candidate, IReadOnlyList<SearchPhrase> phrases, IReadOnlyList<double> idf, double averageLength)
        => Score((SearchText.Tokens(candidate.Title), SearchText.Tokens(candidate.Summary)), phrases, idf, averageLength);

    private static double Score((IReadOnlyList<string> Title, IReadOnlyList<string> Summary) tokens, IReadOnlyList<SearchPhrase> phrases, IReadOnlyList<double> idf, double averageLength)
    {
        var lengthNorm = K1 * (1 - B + (B * (tokens.Title.Count + tokens.Summary.Count) / averageLength));
        var score = 0.0;
        for (var i = 0; i < phrases.Count; i++)
        {
            var frequency = (TitleWeight * phrases[i].CountIn(tokens.Title)) + (SummaryWeight * phrases[i].CountIn(tokens.Summary));
            score += idf[i] * frequency * (K1 + 1) / (frequency + lengthNorm);
        }

        return score;
    }
}
