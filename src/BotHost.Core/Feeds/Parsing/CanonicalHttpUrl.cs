using System.Buffers;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// Recognises an http(s) URL already written exactly as <see cref="Uri.AbsoluteUri"/> would write it, so the common
/// case skips parsing into a <see cref="Uri"/>. Deliberately narrow: anything <see cref="Uri"/> might rewrite (upper
/// case, a port, user info, an IP address, punycode, percent escapes, dot segments, characters it escapes, no path)
/// is left to <see cref="Uri"/>. A test checks the answer against <see cref="Uri"/> on a list of awkward URLs.
/// </summary>
internal static class CanonicalHttpUrl
{
    private static readonly SearchValues<char> HostChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789.-");

    // RFC 3986 unreserved and sub-delims, ':', '@', '/', '?', '#': what Uri leaves as it is in a path, query and fragment.
    private static readonly SearchValues<char> RestChars = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?#");

    public static bool IsCanonical(string url)
    {
        var rest = url.StartsWith("https://", StringComparison.Ordinal) ? url.AsSpan(8)
            : url.StartsWith("http://", StringComparison.Ordinal) ? url.AsSpan(7)
            : default;
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var host = rest[..slash];
        if (host.ContainsAnyExcept(HostChars) || host[0] is '.' or '-' || host[^1] is '.' or '-' || host.Contains("..", StringComparison.Ordinal)
            || host.StartsWith("xn--", StringComparison.Ordinal) || host.Contains(".xn--", StringComparison.Ordinal)
            || char.IsAsciiDigit(host[^1]))
        {
            return false;
        }

        var tail = rest[slash..];
        if (tail.ContainsAnyExcept(RestChars))
        {
            return false;
        }

        var query = tail.IndexOfAny('?', '#');
        var path = query < 0 ? tail : tail[..query];
        var hash = tail.IndexOf('#');
        return !path.Contains("/.", StringComparison.Ordinal) && (hash < 0 || tail[(hash + 1)..].IndexOf('#') < 0);
    }
}
