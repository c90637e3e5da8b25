namespace BotHost.Core.Stories;

/// <summary>Link wrappers that only bounce the reader to another URL carried in their query.</summary>
internal static partial class RedirectWrappers
{
    /// <param name="host">Lower-case ASCII host.</param>
    /// <param name="path">Normalised path (percent-encoding and dot segments), so an escaped "/%75rl" is "/url".</param>
    /// <param name="rawQuery">Raw query without '?', or empty.</param>
    /// <param name="target">The decoded wrapped URL, not yet validated.</param>
    public static bool TryGetTarget(string host, string path, string rawQuery, out string target)
    {
        target = string.Empty;
        if (rawQuery.Length == 0)
        {
            return false;
        }

        return host switch
        {
            "l.facebook.com" or "lm.facebook.com" when PathIs(path, "/l.php") => TryParameter(rawQuery, ["u"], out target),
            "out.reddit.com" => TryParameter(rawQuery, ["url"], out target),
            "t.umblr.com" when PathIs(path, "/redirect") => TryParameter(rawQuery, ["z"], out target),
            "l.instagram.com" => TryParameter(rawQuery, ["u"], out target),
            "youtube.com" or "www.youtube.com" or "m.youtube.com" when PathIs(path, "/redirect") => TryParameter(rawQuery, ["q"], out target),
            "href.li" => TryWholeQuery(rawQuery, out target),
            _ when PathIs(path, "/url") && GoogleHost().IsMatch(host) => TryParameter(rawQuery, ["q", "url"], out target),
            _ => false,
        };
    }

    private static bool PathIs(string path, string expected) => string.Equals(path, expected, StringComparison.OrdinalIgnoreCase);

    private static bool TryParameter(string rawQuery, string[] names, out string target)
    {
        foreach (var wanted in names)
        {
            foreach (var pair in rawQuery.Split('&'))
            {
                var eq = pair.IndexOf('=');
                if (eq <= 0 || eq == pair.Length - 1)
                {
                    continue;
                }

                if (string.Equals(PercentEncoding.Decode(pair[..eq], plusIsSpace: true), wanted, StringComparison.Ordinal))
                {
                    target = PercentEncoding.Decode(pair[(eq + 1)..], plusIsSpace: true).Trim();
                    return true;
                }
            }
        }

        target = string.Empty;
        return false;
    }

    // href.li carries the target unencoded as the whole query: https://href.li/?https://example.com/a?b=1
    private static bool TryWholeQuery(string rawQuery, out string target)
    {
        target = rawQuery.StartsWith("http%3a", StringComparison.OrdinalIgnoreCase)
            ? PercentEncoding.Decode(rawQuery, plusIsSpace: false)
            : rawQuery;
        return true;
    }

    // google.com, www.google.de, google.co.uk, www.google.com.au …
    [System.Text.RegularExpressions.GeneratedRegex(@"^(www\.)?google\.([a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})$")]
    private static partial System.Text.RegularExpressions.Regex GoogleHost();
}
