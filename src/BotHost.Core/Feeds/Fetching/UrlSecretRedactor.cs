using System.Text.RegularExpressions;

namespace BotHost.Core.Feeds.Fetching;

/// <summary>
/// Hides credentials that operators sometimes put in source URLs (user:password@, ?api_key=…, ?token=…)
/// before a URL reaches a log line, a stored error or the console.
/// </summary>
public static partial class UrlSecretRedactor
{
    public static string Redact(string text) =>
        SecretParameter().Replace(UserInfo().Replace(text, "://***@"), "$1=***");

    [GeneratedRegex(@"://[^/@\s?#]+@")]
    private static partial Regex UserInfo();

    [GeneratedRegex(@"([?&](?:[a-z0-9_\-]*(?:key|token|secret|password|passwd|pwd|auth|sig|signature|session|credential)[a-z0-9_\-]*))=[^&#\s]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();
}
