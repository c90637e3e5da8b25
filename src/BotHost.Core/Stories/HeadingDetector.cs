using System.Text.RegularExpressions;

namespace BotHost.Core.Stories;

/// <summary>Recognises section headings ("Latest DevOps news from Tech News") scraped as feed items.</summary>
internal static partial class HeadingDetector
{
    // Headings are a few words; anything longer is an article title and is not worth running the patterns on.
    private const int MaxHeadingLength = 120;

    public static bool IsHeadingTitle(string title)
    {
        if (title.Length > MaxHeadingLength)
        {
            return false;
        }

        var text = title.TrimEnd(' ', '.', '…', ':', '!').ToLowerInvariant();
        if (text.Length == 0)
        {
            return false;
        }

        return ListingHeading().IsMatch(text) || (Roundup().IsMatch(text) && !ArticleOpener().IsMatch(text));
    }

    /// <summary>Home, tag, category, archive, search and paging URLs list articles instead of being one.</summary>
    public static bool IsListingUrl(string? url)
    {
        if (!UrlCanonicalizer.TryCanonicalize(url, out var canonical, out _))
        {
            return false;
        }

        var afterScheme = canonical.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = canonical.IndexOf('/', afterScheme);
        var query = canonical.IndexOf('?', pathStart);
        var path = (query < 0 ? canonical[pathStart..] : canonical[pathStart..query]).ToLowerInvariant();
        return ListingPath().IsMatch(path);
    }

    // "Latest DevOps news from Tech News", "Top stories", "This week's top posts", "Today's headlines on HN".
    // At most three words between the qualifier and the noun and a short "from/on …" tail, so that
    // sentences like "The latest news on WebAssembly GC support lands in Chrome" stay articles.
    [GeneratedRegex(@"^(?:the\s+)?(?:latest|top|today'?s|todays|this\s+(?:week|month)'?s|weekly|daily|recent|more|trending|popular|featured)\s+(?:[\w.+#&'’-]+\s+){0,3}(?:news|posts|articles|links|stories|headlines|updates|reads)(?:\s+(?:from|on|at|in)(?:\s+[\w.&'’-]+){1,3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex ListingHeading();

    // "Weekly DevOps roundup", "Kubernetes digest #42", "Friday link round-up".
    [GeneratedRegex(@"^(?:[\w.+#&'’-]+\s+){0,4}(?:round-?up|digest)(?:\s*(?:#|no\.?\s*)?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Roundup();

    // "Building a news digest", "How we built our roundup": sentences about a digest, not a heading.
    [GeneratedRegex(@"^(?:how|why|what|when|i|we|my|our|building|build|built|making|creating|writing|designing|introducing)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleOpener();

    [GeneratedRegex(@"^/(?:$|(?:tag|tags|t|category|categories|topic|topics|section|sections|archive|archives|label|labels|search|author|authors|series)(?:/|$)|(?:news|latest|blog|posts|articles)/?$)|/page/\d+/?$", RegexOptions.CultureInvariant)]
    private static partial Regex ListingPath();
}
