namespace BotHost.Core.Feeds.Parsing;

/// <summary>Turns the links a feed states into absolute URLs.</summary>
internal static class FeedUrls
{
    /// <summary>Resolves <paramref name="raw"/> against <paramref name="baseUri"/>; null when it cannot be made absolute.</summary>
    public static Uri? Resolve(string? raw, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();

        // On Unix, Uri treats "/path" as an absolute file:// URI; in a feed it is always site-relative.
        if (text[0] != '/' && Uri.TryCreate(text, UriKind.Absolute, out var absolute))
        {
            return IsSafe(absolute) ? absolute : null;
        }

        if (baseUri is null || !Uri.TryCreate(text, UriKind.Relative, out var relative))
        {
            return null;
        }

        return Uri.TryCreate(baseUri, relative, out var resolved) && IsSafe(resolved) ? resolved : null;
    }

    /// <summary>
    /// <see cref="Resolve"/> as the absolute URL's text (<see cref="Uri.AbsoluteUri"/>). Most feed links are already
    /// in that form; those are recognised and returned as they are, without building a <see cref="Uri"/>.
    /// </summary>
    public static string? ResolveText(string? raw, Uri? baseUri)
    {
        if (raw is not null && CanonicalHttpUrl.IsCanonical(raw))
        {
            return raw;
        }

        return Resolve(raw, baseUri)?.AbsoluteUri;
    }

    /// <summary>
    /// Applies an element's xml:base (if any) to the xml:base in scope, <paramref name="current"/> (null: none yet, so a
    /// relative xml:base resolves against <paramref name="documentBase"/>).
    /// </summary>
    public static Uri? ApplyXmlBase(System.Xml.XmlReader reader, Uri? current, Uri? documentBase)
    {
        var xmlBase = reader.GetAttribute("xml:base");
        return xmlBase is null ? current : Resolve(xmlBase, current ?? documentBase) ?? current;
    }

    private static bool IsSafe(Uri uri) =>
        uri.Scheme is not ("javascript" or "data" or "vbscript");
}
