using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace BotHost.Core.Stories;

/// <summary>
/// Splits text into the tokens story_search's tokenizer (unicode61, remove_diacritics 2) makes of it: runs of
/// letters, numbers and private-use characters, lower-cased, with diacritics removed. Ranking counts hits with it;
/// which stories match is always FTS5's own answer, so a rare disagreement only moves a story in the order.
/// </summary>
internal static class SearchText
{
    // What each non-ASCII letter or number folds to ("É" → "e"; a combining mark → ""), computed once per character.
    private static readonly ConcurrentDictionary<int, string> Folded = new();

    /// <remarks>A window of a thousand matches is tokenized per search, so ASCII (nearly all text) takes a path without decoding.</remarks>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 128)
            {
                i++;
                if (char.IsAsciiLetterOrDigit(c))
                {
                    token.Append(char.ToLowerInvariant(c));
                    continue;
                }
            }
            else
            {
                Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
                i += consumed;
                if (Fold(rune) is { } folded)
                {
                    token.Append(folded);
                    continue;
                }
            }

            Flush(token, tokens);
        }

        Flush(token, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder token, List<string> tokens)
    {
        if (token.Length > 0)
        {
            tokens.Add(token.ToString());
            token.Clear();
        }
    }

    /// <summary>The folded form of a token character; null for a separator.</summary>
    private static string? Fold(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return string.Empty;
        }

        if (category is not (UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or
            UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.PrivateUse))
        {
            return null;
        }

        return Folded.GetOrAdd(rune.Value, static value => string.Concat(
            new Rune(value).ToString().Normalize(NormalizationForm.FormD)
                .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)))
            .ToLowerInvariant());
    }
}
