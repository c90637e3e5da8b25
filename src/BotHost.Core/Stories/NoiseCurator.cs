using System.Text.RegularExpressions;
using BotHost.Core.Feeds.Parsing;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Stories;

/// <summary>
/// Drops feed items that are not articles: section headings scraped as items, bare affiliate/sponsor
/// disclosures and near-empty items. Deliberately conservative: an item is kept unless it is clearly one
/// of these, and every drop carries a reason code and a one-line explanation.
/// </summary>
public sealed partial class NoiseCurator
{
    public const string HeadingReason = "heading";
    public const string AffiliateReason = "affiliate";
    public const string SponsoredReason = "sponsored";
    public const string TooShortReason = "too-short";
    public const string NoLinkReason = "no-link";

    private readonly CurationOptions _options;

    public NoiseCurator(IOptions<CurationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.MinTitleLength < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{CurationOptions.Section}:MinTitleLength must be 0 or more (was {_options.MinTitleLength}).");
        }

        if (_options.MinTextLength < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{CurationOptions.Section}:MinTextLength must be 0 or more (was {_options.MinTextLength}).");
        }
    }

    public CurationVerdict Judge(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var title = Whitespace().Replace(item.Title ?? string.Empty, " ").Trim();
        var summary = Whitespace().Replace(item.SummaryText ?? string.Empty, " ").Trim();
        var hasSummary = summary.Length >= _options.MinTextLength;

        // The parser reports every item a feed has; one with no web link has nothing a digest could point to.
        if (!Uri.TryCreate(item.Url, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https"))
        {
            return CurationVerdict.Drop(NoLinkReason, $"\"{Excerpt(title)}\" has no http(s) link to post.");
        }

        var disclosure = JudgeDisclosure(title, summary, hasSummary);
        if (disclosure is not null)
        {
            return disclosure;
        }

        if (HeadingDetector.IsHeadingTitle(title))
        {
            if (!hasSummary)
            {
                return CurationVerdict.Drop(HeadingReason, $"\"{Excerpt(title)}\" is a section heading, not an article, and has no summary.");
            }

            if (HeadingDetector.IsListingUrl(item.Url))
            {
                return CurationVerdict.Drop(HeadingReason, $"\"{Excerpt(title)}\" is a section heading linking to a listing page ({Excerpt(item.Url!)}).");
            }
        }

        if (title.Length < _options.MinTitleLength && !hasSummary)
        {
            return CurationVerdict.Drop(
                TooShortReason,
                $"Title \"{Excerpt(title)}\" is shorter than {_options.MinTitleLength} characters and there is no summary of at least {_options.MinTextLength}.");
        }

        return CurationVerdict.Kept;
    }

    // A disclosure is noise only when nothing else is there: a disclosure title with no real summary, or a
    // disclosure summary under a title too short to be an article. "Sponsored: <ad copy>" is kept; it has text.
    private CurationVerdict? JudgeDisclosure(string title, string summary, bool hasSummary)
    {
        var titleIsDisclosure = DisclosureDetector.IsDisclosureOnly(title);
        var summaryIsDisclosure = DisclosureDetector.IsDisclosureOnly(summary);
        var onlyDisclosure =
            (titleIsDisclosure && (!hasSummary || summaryIsDisclosure))
            || (summaryIsDisclosure && title.Length < _options.MinTitleLength);
        if (!onlyDisclosure)
        {
            return null;
        }

        var text = titleIsDisclosure ? title : summary;
        return DisclosureDetector.IsAffiliate(text)
            ? CurationVerdict.Drop(AffiliateReason, $"\"{Excerpt(text)}\" is only an affiliate-link disclosure, with no article.")
            : CurationVerdict.Drop(SponsoredReason, $"\"{Excerpt(text)}\" is only a sponsorship notice, with no article.");
    }

    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
