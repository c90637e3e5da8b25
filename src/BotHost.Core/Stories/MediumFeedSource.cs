using System.Text.RegularExpressions;

namespace BotHost.Core.Stories;

/// <summary>
/// Medium appends "source=rss…" to every link of its feeds to record which feed a click came from:
/// "rss----2615bd06b42e---4" (a publication), "rss-8a7c1f2e3d4b------2" (a user), "rss------programming-5"
/// (a tag). On Medium's own hosts any "rss…" value is such a tag. Publications on their own domains
/// (netflixtechblog.com) carry the same values, so there only the exact publication and user shapes are
/// recognised and a site's own "source" parameter is left alone.
/// </summary>
internal static partial class MediumFeedSource
{
    public const string ParameterName = "source";

    /// <param name="host">Lower-case ASCII host.</param>
    /// <param name="decodedValue">The parameter's value, percent-decoded.</param>
    public static bool IsFeedTag(string host, string decodedValue) =>
        IsMediumHost(host)
            ? decodedValue.StartsWith("rss", StringComparison.OrdinalIgnoreCase)
            : CustomDomainTag().IsMatch(decodedValue);

    private static bool IsMediumHost(string host) =>
        host == "medium.com" || host.EndsWith(".medium.com", StringComparison.Ordinal);

    // "rss-" then either "---<id>---" (publication) or "<id>------" (user), then the feed kind's number.
    [GeneratedRegex(@"^rss-(?:-{3}[0-9a-f]{8,16}-{3}|[0-9a-f]{8,16}-{6})[0-9]{1,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CustomDomainTag();
}
