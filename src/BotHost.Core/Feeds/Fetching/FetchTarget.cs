using System.Diagnostics.CodeAnalysis;

namespace BotHost.Core.Feeds.Fetching;

/// <summary>A source location sorted into an http(s) URL or a full file path, with its limiter key.</summary>
internal readonly record struct FetchTarget(Uri? HttpUri, string? FilePath)
{
    public string LimiterKey => HttpUri is { } uri ? uri.IdnHost : FeedFetcher.FileLimiterKey;

    public static bool TryParse(string location, out FetchTarget parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = default;
        error = null;
        if (string.IsNullOrWhiteSpace(location))
        {
            error = "The source location is empty; set an http(s) URL, a file:// URL or a file path.";
            return false;
        }

        // On Unix a rooted path parses as an implicit file:// URI, so both spellings land in the file branch.
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri))
        {
            if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            {
                parsed = new FetchTarget(uri, null);
                return true;
            }

            if (uri.IsFile)
            {
                parsed = new FetchTarget(null, uri.LocalPath);
                return true;
            }

            error = $"Unsupported scheme '{uri.Scheme}' in {location}; use http://, https://, file:// or a file path.";
            return false;
        }

        try
        {
            parsed = new FetchTarget(null, Path.GetFullPath(location));
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = $"'{location}' is neither a URL nor a valid file path ({ex.Message}); fix the source location.";
            return false;
        }
    }
}
