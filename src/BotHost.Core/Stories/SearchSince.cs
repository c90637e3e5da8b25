using System.Globalization;
using System.Text.RegularExpressions;

namespace BotHost.Core.Stories;

/// <summary>Reads how far back a search looks: a duration (24h, 7d, 2w) or a date (2026-11-01, midnight UTC).</summary>
public static partial class SearchSince
{
    public static bool TryParse(string? typed, DateTimeOffset now, out DateTimeOffset since, out string error)
    {
        since = default;
        error = string.Empty;
        var text = (typed ?? string.Empty).Trim();
        var duration = DurationPattern().Match(text);
        if (duration.Success && int.TryParse(duration.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 3650)
        {
            var unit = char.ToLowerInvariant(duration.Groups["u"].Value[0]);
            var span = unit switch
            {
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(7 * n),
            };
            if (span <= TimeSpan.FromDays(3650))
            {
                since = now - span;
                return true;
            }
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            since = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        error = $"since must be a duration like 24h, 7d or 2w, or a date like {now:yyyy-MM-dd}; you typed '{(text.Length <= 40 ? text : text[..37] + "...")}'.";
        return false;
    }

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*(?<u>h|hours?|d|days?|w|weeks?)$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}
