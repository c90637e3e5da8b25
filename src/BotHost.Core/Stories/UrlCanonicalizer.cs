using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BotHost.Core.Stories;

/// <summary>
/// Turns an article link into one canonical spelling so the same page reached through different links is
/// stored once. Parses by hand instead of trusting <see cref="Uri"/>, whose normalisation differs between
/// versions and silently rewrites or drops parts (see the README for the list of rules).
/// </summary>
public static class UrlCanonicalizer
{
    /// <summary>Longest accepted link; the de-facto limit browsers and most servers honour.</summary>
    public const int MaxLength = 2048;

    /// <summary>How many nested redirect wrappers are unwrapped before the link is refused.</summary>
    public const int MaxUnwrapDepth = 3;

    public static bool TryCanonicalize(string? url, out string canonical, out string? error)
    {
        error = Canonicalize(url, depth: 0, out canonical);

        // Percent-encoding can make the canonical form several times longer than the input.
        if (error is null && canonical.Length > MaxLength)
        {
            error = $"URL's canonical form is {canonical.Length} characters long once percent-encoded; the limit is {MaxLength}.";
            canonical = string.Empty;
        }

        return error is null;
    }

    /// <exception cref="ArgumentException">The link is not a usable http(s) article link; the message says why.</exception>
    public static string Canonicalize(string url)
    {
        if (!TryCanonicalize(url, out var canonical, out var error))
        {
            throw new ArgumentException(error, nameof(url));
        }

        return canonical;
    }

    /// <summary>
    /// A key under which http/https and www./bare variants of the same page meet. The input is canonicalised
    /// first (a no-op for canonical input), so any accepted link works.
    /// </summary>
    /// <exception cref="ArgumentException">The link is not a usable http(s) article link.</exception>
    public static string StoryKey(string canonicalUrl) => KeyOfCanonical(Canonicalize(canonicalUrl));

    /// <summary>The story key of a URL that is already canonical (the pipeline's hot path skips re-canonicalising).</summary>
    internal static string KeyOfCanonical(string canonical)
    {
        var rest = canonical[(canonical.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var hostEnd = rest.IndexOf('/');
        var host = rest[..hostEnd];
        if (host.StartsWith("www.", StringComparison.Ordinal) && host.IndexOf('.', 4) > 0)
        {
            rest = rest[4..];
        }

        return rest;
    }

    private static string? Canonicalize(string? input, int depth, out string canonical)
    {
        canonical = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return "URL is empty; give an absolute http(s) link such as https://example.com/post.";
        }

        var url = input.Trim();
        if (url.Length > MaxLength)
        {
            return $"URL is {url.Length} characters long; the limit is {MaxLength}.";
        }

        for (var i = 0; i < url.Length; i++)
        {
            if (char.IsControl(url[i]))
            {
                return $"URL contains control character U+{(int)url[i]:X4} at position {i}; remove it.";
            }
        }

        var colon = url.IndexOf(':');
        if (colon <= 0 || !IsScheme(url.AsSpan(0, colon)))
        {
            return $"URL '{Excerpt(url)}' has no scheme; give an absolute http(s) link such as https://example.com/post.";
        }

        var scheme = url[..colon].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            return $"URL scheme '{scheme}:' is not allowed for article links; only http and https are.";
        }

        var afterScheme = url.AsSpan(colon + 1);
        if (!afterScheme.StartsWith("//") && !afterScheme.StartsWith(@"\\") && !afterScheme.StartsWith(@"/\") && !afterScheme.StartsWith(@"\/"))
        {
            return $"URL '{Excerpt(url)}' has no host; expected '//' and a host name after '{scheme}:'.";
        }

        // Browsers treat '\' like '/' in http(s) links; splitting anywhere else would let
        // "https://evil.example\@good.example" canonicalise to a host the browser never visits.
        var rest = url[(colon + 3)..];
        var authorityEnd = rest.IndexOfAny(['/', '\\', '?', '#']);
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var remainder = authorityEnd < 0 ? string.Empty : rest[authorityEnd..];

        // Credentials never belong in a shared link.
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        var hostError = SplitHostPort(authority, scheme, out var host, out var port);
        if (hostError is not null)
        {
            return hostError;
        }

        var hash = remainder.IndexOf('#');
        if (hash >= 0)
        {
            remainder = remainder[..hash];
        }

        var q = remainder.IndexOf('?');
        var rawPath = (q < 0 ? remainder : remainder[..q]).Replace('\\', '/');
        var rawQuery = q < 0 ? string.Empty : remainder[(q + 1)..];

        // Wrappers are recognised on the normalised path, or "/%75rl" would pass as a plain link whose
        // canonical form "/url" is a wrapper: canonicalising twice would then give another answer.
        var path = DotSegments.Remove(PercentEncoding.Normalize(rawPath.Length == 0 ? "/" : rawPath));
        if (RedirectWrappers.TryGetTarget(host, path, rawQuery, out var target))
        {
            if (depth >= MaxUnwrapDepth)
            {
                return $"URL nests more than {MaxUnwrapDepth} redirect wrappers; link the article directly.";
            }

            var innerError = Canonicalize(target, depth + 1, out canonical);
            return innerError is null ? null : $"Redirect wrapper {host} points to an unusable link: {innerError}";
        }

        var sb = new StringBuilder(url.Length);
        sb.Append(scheme).Append("://").Append(host);
        if (port is not null)
        {
            sb.Append(':').Append(port);
        }

        sb.Append(path);
        AppendQuery(sb, host, rawQuery);
        canonical = sb.ToString();
        return null;
    }

    private static string? SplitHostPort(string authority, string scheme, out string host, out string? port)
    {
        host = string.Empty;
        port = null;
        string rawHost;
        string rawPort;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0 || (close + 1 < authority.Length && authority[close + 1] != ':'))
            {
                return $"URL host '{Excerpt(authority)}' is a malformed IPv6 literal; expected [address] or [address]:port.";
            }

            rawHost = authority[..(close + 1)];
            rawPort = close + 1 < authority.Length ? authority[(close + 2)..] : string.Empty;
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            rawHost = colon < 0 ? authority : authority[..colon];
            rawPort = colon < 0 ? string.Empty : authority[(colon + 1)..];
        }

        if (rawPort.Length > 0)
        {
            if (rawPort.Length > 5 || !rawPort.All(char.IsAsciiDigit) || int.Parse(rawPort, CultureInfo.InvariantCulture) > 65535)
            {
                return $"URL port '{Excerpt(rawPort)}' is not a number between 0 and 65535.";
            }

            var number = int.Parse(rawPort, CultureInfo.InvariantCulture);
            var isDefault = (scheme == "http" && number == 80) || (scheme == "https" && number == 443);
            port = isDefault ? null : number.ToString(CultureInfo.InvariantCulture);
        }

        return rawHost.StartsWith('[') ? NormalizeIpv6(rawHost, out host) : NormalizeHostName(rawHost, out host);
    }

    private static string? NormalizeIpv6(string bracketed, out string host)
    {
        host = string.Empty;
        var inner = bracketed[1..^1];
        if (!IPAddress.TryParse(inner, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return $"URL host '{Excerpt(bracketed)}' is not a valid IPv6 address.";
        }

        host = "[" + address.ToString().ToLowerInvariant() + "]";
        return null;
    }

    private static string? NormalizeHostName(string rawHost, out string host)
    {
        host = string.Empty;
        var name = rawHost.EndsWith('.') ? rawHost[..^1] : rawHost;
        if (name.Length == 0)
        {
            return "URL has no host; give a link such as https://example.com/post.";
        }

        if (!Ascii.IsValid(name))
        {
            try
            {
                name = new IdnMapping().GetAscii(name);
            }
            catch (ArgumentException)
            {
                return $"URL host '{Excerpt(rawHost)}' is not a valid internationalised domain name.";
            }

            // IDNA maps the full-width and ideographic full stops to '.', which can make the trailing dot.
            if (name.EndsWith('.') && !rawHost.EndsWith('.'))
            {
                name = name[..^1];
            }
        }

        name = name.ToLowerInvariant();
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_'))
            {
                return $"URL host '{Excerpt(rawHost)}' contains '{c}'; only letters, digits, '-', '_' and '.' are allowed.";
            }
        }

        if (name.StartsWith('.') || name.EndsWith('.') || name.Contains("..", StringComparison.Ordinal))
        {
            return $"URL host '{Excerpt(rawHost)}' has an empty label.";
        }

        host = name;
        return null;
    }

    private static void AppendQuery(StringBuilder sb, string host, string rawQuery)
    {
        var first = true;
        foreach (var pair in rawQuery.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var normalized = PercentEncoding.Normalize(pair);
            var eq = normalized.IndexOf('=');
            var name = PercentEncoding.Decode(eq < 0 ? normalized : normalized[..eq], plusIsSpace: true);
            var value = eq < 0 ? string.Empty : PercentEncoding.Decode(normalized[(eq + 1)..], plusIsSpace: true);
            if (TrackingParameters.IsTracker(host, name, value))
            {
                continue;
            }

            sb.Append(first ? '?' : '&').Append(normalized);
            first = false;
        }
    }

    private static bool IsScheme(ReadOnlySpan<char> s)
    {
        if (!char.IsAsciiLetter(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    // Error messages quote the input so the operator can find it, but never a whole 2 KB link.
    private static string Excerpt(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
