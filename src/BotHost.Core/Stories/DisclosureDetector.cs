using System.Text.RegularExpressions;

namespace BotHost.Core.Stories;

/// <summary>Recognises text that is nothing but an affiliate or sponsorship disclosure.</summary>
internal static partial class DisclosureDetector
{
    /// <summary>
    /// True when the text opens with a disclosure marker or sentence and every sentence after it is
    /// disclosure boilerplate, e.g. "Disclosure: This post includes affiliate links; I may receive
    /// compensation…". "[Sponsored] Acme ships 2.0" has a real sentence after the marker and is not.
    /// </summary>
    public static bool IsDisclosureOnly(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        var marker = Marker().Match(text);
        if (!marker.Success && !Opener().IsMatch(text))
        {
            return false;
        }

        var rest = text[marker.Length..].Trim(' ', '.', '…', ':', '-', '|', '!');
        if (rest.Length == 0)
        {
            return true;
        }

        return SentenceBreak().Split(rest).All(sentence => sentence.Length == 0 || Vocabulary().IsMatch(sentence));
    }

    public static bool IsAffiliate(string text) => AffiliateWord().IsMatch(text);

    [GeneratedRegex(@"^\W*(?:(?:affiliate\s+|ad\s+)?disclosure|sponsored(?:\s+(?:post|content|link))?(?:\s+by(?:\s+[\w.&'’-]+){1,4}$)?|paid\s+(?:partnership|promotion|post|content)|partner\s+content|advertisement|advertorial|promoted)\b\W*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\W*(?:this\s+(?:post|article|page|content|video)\s+(?:contains|includes|may\s+contain|has)\s+affiliate\s+links|as\s+an\s+amazon\s+associate|(?:this\s+(?:post|article)\s+is\s+)?sponsored\s+by\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opener();

    [GeneratedRegex(@"\b(?:affiliate|commissions?|compensat\w*|sponsor\w*|paid|partner\w*|associates?|qualifying\s+purchases|advertis\w*|earn\w*|at\s+no\s+(?:extra\s+|additional\s+)?cost)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Vocabulary();

    [GeneratedRegex(@"\b(?:affiliate|commissions?|amazon\s+associate|qualifying\s+purchases)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AffiliateWord();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();
}
