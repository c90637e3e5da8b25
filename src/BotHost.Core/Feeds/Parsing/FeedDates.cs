using System.Globalization;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>Reads the RFC 822/2822 and ISO 8601 dates found in feeds, as loosely as real feeds need.</summary>
internal static class FeedDates
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
    ];

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses <paramref name="text"/> and returns it in UTC; false when no known form matches.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (TryParseIso(trimmed, out value) || TryParseRfc822(trimmed, out value)
            || DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return false;
    }

    private static bool TryParseIso(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);

    private static bool TryParseRfc822(string text, out DateTimeOffset value)
    {
        value = default;
        var tokens = text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var i = 0;
        if (i < tokens.Length && char.IsAsciiLetter(tokens[i][0]) && MonthOf(tokens[i]) == 0)
        {
            i++; // day of week, never checked: feeds get it wrong often enough
        }

        int day, month;
        if (i + 1 < tokens.Length && int.TryParse(tokens[i], NumberStyles.None, CultureInfo.InvariantCulture, out day)
            && (month = MonthOf(tokens[i + 1])) != 0)
        {
            i += 2;
        }
        else if (i + 1 < tokens.Length && (month = MonthOf(tokens[i])) != 0
            && int.TryParse(tokens[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out day))
        {
            i += 2; // "Oct 02 2002", seen in hand-written feeds
        }
        else
        {
            return false;
        }

        if (i >= tokens.Length || !int.TryParse(tokens[i], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        // RFC 2822 section 4.3: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999; three digits add 1900.
        year = tokens[i].Length switch
        {
            2 => year < 50 ? 2000 + year : 1900 + year,
            3 => 1900 + year,
            _ => year,
        };
        i++;

        int hour = 0, minute = 0, second = 0;
        if (i < tokens.Length && tokens[i].Contains(':'))
        {
            if (!TryParseTime(tokens[i], out hour, out minute, out second))
            {
                return false;
            }

            i++;
        }

        var offset = TimeSpan.Zero;
        if (i < tokens.Length && !TryParseZone(tokens[i], out offset))
        {
            return false;
        }

        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static int MonthOf(string token)
    {
        if (token.Length < 3 || !char.IsAsciiLetter(token[0]))
        {
            return 0;
        }

        var prefix = token.AsSpan(0, 3);
        for (var m = 0; m < Months.Length; m++)
        {
            if (prefix.Equals(Months[m], StringComparison.OrdinalIgnoreCase))
            {
                return m + 1;
            }
        }

        return 0;
    }

    private static bool TryParseTime(string token, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hour)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute))
        {
            return false;
        }

        // Missing seconds are allowed by RFC 822; fractional seconds are dropped.
        return parts.Length == 2
            || int.TryParse(parts[2].Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out second);
    }

    private static bool TryParseZone(string token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (token[0] is '+' or '-')
        {
            return TryParseNumericOffset(token, out offset);
        }

        var upper = token.ToUpperInvariant();
        if (upper.Length > 3 && (upper.StartsWith("GMT", StringComparison.Ordinal) || upper.StartsWith("UTC", StringComparison.Ordinal)))
        {
            return TryParseNumericOffset(upper[3..], out offset);
        }

        int? hours = upper switch
        {
            "GMT" or "UT" or "UTC" or "Z" or "WET" => 0,
            "EST" => -5, "EDT" => -4, "CST" => -6, "CDT" => -5,
            "MST" => -7, "MDT" => -6, "PST" => -8, "PDT" => -7,
            "AKST" => -9, "AKDT" => -8, "HST" => -10,
            "BST" or "CET" or "WEST" => 1, "CEST" or "EET" => 2, "EEST" or "MSK" => 3,
            "JST" or "KST" => 9, "AEST" => 10, "AEDT" => 11, "NZST" => 12, "NZDT" => 13,
            _ => MilitaryZone(upper),
        };

        if (hours is null)
        {
            return false;
        }

        offset = TimeSpan.FromHours(hours.Value);
        return true;
    }

    /// <summary>
    /// Military zones by their real meaning (A = UTC+1 ... M = UTC+12, N = UTC-1 ... Y = UTC-12):
    /// RFC 822 printed the signs backwards, which RFC 1123 section 5.2.14 acknowledges.
    /// </summary>
    private static int? MilitaryZone(string zone)
    {
        if (zone.Length != 1 || !char.IsAsciiLetterUpper(zone[0]) || zone[0] == 'J')
        {
            return null;
        }

        var c = zone[0];
        return c switch
        {
            'Z' => 0,
            <= 'I' => c - 'A' + 1,
            <= 'M' => c - 'K' + 10,
            _ => -(c - 'N' + 1),
        };
    }

    private static bool TryParseNumericOffset(string token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (token.Length < 2 || token[0] is not ('+' or '-'))
        {
            return false;
        }

        var digits = token[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var (hours, minutes) = digits.Length <= 2 ? (number, 0) : (number / 100, number % 100);
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (token[0] == '-' ? -1 : 1);
        return true;
    }
}
