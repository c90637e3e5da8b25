namespace BotHost.Core.Stories;

/// <summary>
/// One term of a search as the ranking counts it: its words folded as FTS5's unicode61 tokenizer folds them, and
/// whether the last word also matches the longer words it begins ("wal"* counts "wals").
/// </summary>
/// <param name="Match">The term as FTS5 reads it (quoted, * kept), to count the stories it matches.</param>
internal sealed record SearchPhrase(string Match, IReadOnlyList<string> Words, bool Prefix)
{
    /// <summary>The terms of a built expression that a matching story contains; a term after NOT never occurs in one.</summary>
    public static IReadOnlyList<SearchPhrase> Of(IReadOnlyList<string> parts)
        => [.. parts
            .Where((part, i) => part.StartsWith('"') && (i == 0 || parts[i - 1] != "NOT"))
            .Distinct(StringComparer.Ordinal)
            .Select(part => new SearchPhrase(part, SearchText.Tokens(part), part.EndsWith('*')))
            .Where(phrase => phrase.Words.Count > 0)];

    /// <summary>How many times the phrase occurs in <paramref name="tokens"/> (a story column, tokenized by <see cref="SearchText.Tokens"/>).</summary>
    public int CountIn(IReadOnlyList<string> tokens)
    {
        var count = 0;
        for (var start = 0; start + Words.Count <= tokens.Count; start++)
        {
            if (MatchesAt(tokens, start))
            {
                count++;
            }
        }

        return count;
    }

    private bool MatchesAt(IReadOnlyList<string> tokens, int start)
    {
        for (var w = 0; w < Words.Count; w++)
        {
            var token = tokens[start + w];
            var last = w == Words.Count - 1;
            if (!(last && Prefix ? token.StartsWith(Words[w], StringComparison.Ordinal) : token == Words[w]))
            {
                return false;
            }
        }

        return true;
    }
}
