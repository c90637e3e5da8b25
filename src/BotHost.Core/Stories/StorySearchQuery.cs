using System.Text;

namespace BotHost.Core.Stories;

/// <summary>
/// Turns what a member typed into an FTS5 MATCH expression: plain words match as prefixes ("checkpoint" finds
/// "checkpoints"), "quoted phrases" match word for word, and OR / NOT (upper case) combine them. Every term is
/// quoted, so no other FTS5 syntax (columns, NEAR, ^) can reach the engine; what cannot work gets a message.
/// </summary>
public static class StorySearchQuery
{
    public const int MaxLength = 200;
    public const int MaxTerms = 12;

    public static bool TryBuild(string? typed, out string match, out string error) => TryBuild(typed, out match, out _, out error);

    /// <param name="exactMatch">
    /// The same expression with every word that is not excluded by NOT matching only its exact form: on a large store
    /// a prefix of a frequent word ("new"*) merges the lists of every word it begins, costing ten times the exact word.
    /// </param>
    public static bool TryBuild(string? typed, out string match, out string exactMatch, out string error)
    {
        match = string.Empty;
        exactMatch = string.Empty;
        if (!TryParse(typed, out var parts, out error))
        {
            return false;
        }

        match = string.Join(' ', Widened(parts, _ => true));
        exactMatch = string.Join(' ', Widened(parts, _ => false));
        return true;
    }

    /// <summary>
    /// The terms and operators of what was typed, each term quoted; a plain word ends in * (it may match the longer
    /// words it begins, see <see cref="Widened"/>).
    /// </summary>
    internal static bool TryParse(string? typed, out IReadOnlyList<string> parts, out string error)
    {
        parts = [];
        error = string.Empty;
        var text = (typed ?? string.Empty).Trim();
        if (text.Length > MaxLength)
        {
            error = $"That search is {text.Length} characters long; keep it under {MaxLength}.";
            return false;
        }

        if (text.Count(c => c == '"') % 2 == 1)
        {
            var without = text.Replace("\"", string.Empty, StringComparison.Ordinal).Trim();
            error = $"Your search has a \" with no closing quote. Close the phrase, e.g. \"write-ahead log\", or leave the quote out: {(without.Length > 0 ? without : "sqlite")}";
            return false;
        }

        var terms = new List<string>();
        foreach (var token in Tokens(text))
        {
            if (token is "OR" or "NOT" or "AND")
            {
                if (terms.Count == 0 || IsOperator(terms[^1]))
                {
                    error = $"{token} needs a word on each side, e.g. sqlite {token} postgres.";
                    return false;
                }

                terms.Add(token);
            }
            else if (Term(token) is { } term && terms.Count(p => !IsOperator(p)) < MaxTerms)
            {
                terms.Add(term);
            }
        }

        if (terms.Count > 0 && IsOperator(terms[^1]))
        {
            error = $"{terms[^1]} needs a word on each side, e.g. sqlite {terms[^1]} postgres.";
            return false;
        }

        if (terms.Count == 0)
        {
            error = "Type a word or two to search for, e.g. sqlite or \"write-ahead log\".";
            return false;
        }

        parts = terms;
        return true;
    }

    /// <summary>The plain words of <paramref name="parts"/> that <see cref="Widened"/> may widen, in their exact form ("sqlite" quoted).</summary>
    internal static IEnumerable<string> WidenableWords(IReadOnlyList<string> parts)
        => parts.Where((part, i) => IsWidenable(parts, i)).Select(part => part[..^1]).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The parts of a MATCH expression (join them with spaces) in which only the plain words <paramref name="widen"/> picks
    /// (given in their exact form) also match the longer words they begin; a word after NOT always does, so NOT sqlite
    /// also keeps out "sqlite3".
    /// </summary>
    internal static IReadOnlyList<string> Widened(IReadOnlyList<string> parts, Func<string, bool> widen)
        => [.. parts.Select((part, i) => IsWidenable(parts, i) && !widen(part[..^1]) ? part[..^1] : part)];

    private static bool IsWidenable(IReadOnlyList<string> parts, int i) => parts[i].EndsWith('*') && (i == 0 || parts[i - 1] != "NOT");

    private static bool IsOperator(string part) => part is "OR" or "NOT" or "AND";

    /// <summary>Quoted phrases stay whole (quotes kept); everything else splits on white space.</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var end = text[i] == '"' ? text.IndexOf('"', i + 1) + 1 : i;
            if (text[i] != '"')
            {
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '"')
                {
                    end++;
                }
            }

            yield return text[i..end];
            i = end;
        }
    }

    // One word is a prefix term; several words (a phrase, or "write-ahead") must appear side by side.
    private static string? Term(string token)
    {
        var phrase = token.StartsWith('"');
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in token.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        return words.Count switch
        {
            0 => null,
            1 when !phrase => $"\"{words[0]}\"*",
            _ => $"\"{string.Join(' ', words)}\"",
        };
    }
}
