using System.Collections.Frozen;

namespace BotHost.Core.Stories;

/// <summary>Word classes the title score and the fingerprint agree on.</summary>
internal static class TitleTokens
{
    // Function words carry little of a headline's identity; single letters come from splits like "p 99".
    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are",
        "was", "be", "it", "its", "this", "that", "how", "why", "what", "when", "who", "i", "we", "you", "my", "our",
        "your", "me", "us", "vs", "via", "into", "about", "do", "does", "so");

    // A headline and its negation are different stories however many words they share.
    private static readonly FrozenSet<string> Negations = FrozenSet.Create(
        StringComparer.Ordinal,
        "not", "no", "never", "dont", "doesnt", "isnt", "arent", "wont", "cant", "shouldnt", "without");

    public static string[] Split(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static bool IsStopWord(string token) => token.Length == 1 || StopWords.Contains(token);

    public static bool IsNegation(string token) => Negations.Contains(token);

    public static bool IsNumber(string token) => token.Any(char.IsAsciiDigit);
}
