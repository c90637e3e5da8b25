using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BotHost.Core.Stories;

/// <summary>
/// Reduces a headline to the words that identify the story, so cross-posts that differ only in case,
/// punctuation, accents, site suffixes ("| Hacker News", "- DEV Community") or HN markers ("Show HN:",
/// "[pdf]", "(2019)") compare equal.
/// </summary>
public static partial class TitleNormalizer
{
    private const int MaxStripRounds = 4;

    /// <summary>Longer input is cut first: no headline is longer, and it bounds the work on hostile feeds.</summary>
    public const int MaxTitleLength = 512;

    // Headlines spell small numbers either way ("five years", "5 years").
    private static readonly FrozenDictionary<string, string> NumberWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["zero"] = "0", ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6",
        ["seven"] = "7", ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Normalize(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (title.Length > MaxTitleLength)
        {
            title = title[..MaxTitleLength];
        }

        var text = StripMarks(title.Normalize(NormalizationForm.FormKD)).ToLowerInvariant();
        text = Whitespace().Replace(text, " ").Trim();

        // Markers stack ("Show HN: X (2019) [pdf] | Hacker News"), so strip until nothing changes.
        for (var round = 0; round < MaxStripRounds; round++)
        {
            var before = text;
            text = LeadingMarker().Replace(text, string.Empty);
            text = MediumAuthorSuffix().Replace(text, string.Empty);
            text = SiteSuffix().Replace(text, string.Empty);
            text = TrailingMarker().Replace(text, string.Empty).Trim();
            if (text == before)
            {
                break;
            }
        }

        text = ContractionSuffix().Replace(text, string.Empty);
        text = Apostrophe().Replace(text, string.Empty);
        text = NumberWord().Replace(text, m => NumberWords[m.Value]);
        text = VersionPrefix().Replace(text, string.Empty);
        text = TrailingZeroVersion().Replace(text, "$1");
        text = LetterDigitBoundary().Replace(text, " ");
        return Tokenize(text);
    }

    /// <summary>
    /// The title as a digest shows it: the feed's own casing, without a site suffix such as
    /// " | Hacker News", " - DEV Community" or " | by Jane | Medium".
    /// </summary>
    public static string DisplayTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = Whitespace().Replace(title.Length > MaxTitleLength ? title[..MaxTitleLength] : title, " ").Trim();
        for (var round = 0; round < MaxStripRounds; round++)
        {
            var before = text;
            text = MediumAuthorSuffix().Replace(text, string.Empty);
            text = SiteSuffix().Replace(text, string.Empty).Trim();
            if (text == before)
            {
                break;
            }
        }

        return text.Length == 0 ? title.Trim() : text;
    }

    // Keeps letters and digits; keeps '.' inside numbers (1.80 is not 1 80), drops ',' inside numbers
    // (12,000 is 12000) and keeps '+'/'#' glued to a word (c++, c#, f#). Everything else separates words.
    private static string Tokenize(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var prev = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (c == '.' && char.IsAsciiDigit(prev) && char.IsAsciiDigit(next))
            {
                sb.Append('.');
            }
            else if (c == ',' && char.IsAsciiDigit(prev) && char.IsAsciiDigit(next))
            {
                continue;
            }
            else if (c is '+' or '#' && (char.IsLetter(prev) || prev is '+' or '#') && sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static string StripMarks(string decomposed)
    {
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:(?:show|ask|launch|tell)\s+hn\s*[:\-–—]\s*|[\[(](?:video|pdf|audio|podcast|slides)[\])]\s*)")]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"\s*[\[(](?:video|pdf|audio|podcast|slides|(?:19|20)\d\d)[\])]$")]
    private static partial Regex TrailingMarker();

    // " | by Jane Doe | Medium" and " | by Jane Doe | Some Publication | Medium".
    // Case-insensitive so DisplayTitle can use it on the feed's own casing.
    [GeneratedRegex(@"\s+\|\s+by\s+[^|]{1,80}(?:\|[^|]{1,80})*\|\s*medium\W*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MediumAuthorSuffix();

    // A separator, then a site name, then at most decoration (DEV appends emoji to its <title>).
    [GeneratedRegex(@"\s+[|\-–—·]\s+(?:hacker\s+news|lobste\.?rs|lobsters|dev(?:\s+community)?|medium)[\W_]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SiteSuffix();

    // "we're"/"we are", "here's"/"here is": the suffix is a function word either way. "n't" is kept
    // (joined as "dont") because a negation changes the story.
    [GeneratedRegex(@"['’](?:s|re|ve|ll|d|m)\b")]
    private static partial Regex ContractionSuffix();

    [GeneratedRegex(@"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b")]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"['’‘`´]")]
    private static partial Regex Apostrophe();

    // "v1.31" and "1.31" are the same release.
    [GeneratedRegex(@"\bv(?=\d)")]
    private static partial Regex VersionPrefix();

    // "1.80.0" and "1.80" are the same release; "2.0" stays (it is the whole version).
    [GeneratedRegex(@"\b(\d+\.\d+)(?:\.0)+\b")]
    private static partial Regex TrailingZeroVersion();

    // "p99" → "p 99", "7mb" → "7 mb": feeds disagree about the space, the number is what matters.
    [GeneratedRegex(@"(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})")]
    private static partial Regex LetterDigitBoundary();
}
