using System.Globalization;
using System.Runtime.CompilerServices;

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

        // The common shapes are read by hand without allocating (a feed has one date per item); anything
        // unusual goes on to the framework's parsers, which were the only path before and decide the rest.
        var span = text.AsSpan().Trim();
        if (TryParseIsoFast(span, out value) || TryParseRfc822(span, out value) || TryParseFramework(span.ToString(), out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return false;
    }

    private static bool TryParseFramework(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>yyyy-MM-dd, optionally with T or a space, HH:mm[:ss[.fffffff]] and Z or ±hh:mm: a subset of <see cref="IsoFormats"/>, read the same way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    private static bool TryParseIsoFast(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        var offset = TimeSpan.Zero;
        var rest = text[10..];
        if (!rest.IsEmpty)
        {
            if (rest.Length < 6 || rest[0] is not ('T' or ' ') || rest[3] != ':' || !TryDigits(rest[1..3], out hour) || !TryDigits(rest[4..6], out minute))
            {
                return false;
            }

            rest = rest[6..];
            if (rest.Length >= 3 && rest[0] == ':')
            {
                if (!TryDigits(rest[1..3], out second))
                {
                    return false;
                }

                rest = rest[3..];
                if (rest.Length > 1 && rest[0] == '.')
                {
                    var digits = 1;
                    while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
                    {
                        digits++;
                    }

                    if (digits == 1 || digits > 8 || !TryDigits(rest[1..digits], out var fraction))
                    {
                        return false;
                    }

                    fractionTicks = fraction * (long)Math.Pow(10, 8 - digits);
                    rest = rest[digits..];
                }
            }

            if (!TryIsoZone(rest, out offset))
            {
                return false;
            }
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        return TryCreate(new DateTime(year, month, day, hour, minute, second).AddTicks(fractionTicks), offset, out value);
    }

    private static bool TryIsoZone(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.IsEmpty || zone is "Z")
        {
            return true;
        }

        if (zone.Length != 6 || zone[0] is not ('+' or '-') || zone[3] != ':' || !TryDigits(zone[1..3], out var hours) || !TryDigits(zone[4..6], out var minutes)
            || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (zone[0] == '-' ? -1 : 1);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs per element or item: see FeedParser
    private static bool TryParseRfc822(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        var rest = text;
        var token = NextToken(ref rest);
        if (!token.IsEmpty && char.IsAsciiLetter(token[0]) && MonthOf(token) == 0)
        {
            token = NextToken(ref rest); // day of week, never checked: feeds get it wrong often enough
        }

        var second = NextToken(ref rest);
        int day, month;
        if (TryNumber(token, out day) && (month = MonthOf(second)) != 0)
        {
        }
        else if ((month = MonthOf(token)) != 0 && TryNumber(second, out day))
        {
            // "Oct 02 2002", seen in hand-written feeds
        }
        else
        {
            return false;
        }

        var yearToken = NextToken(ref rest);
        if (!TryNumber(yearToken, out var year))
        {
            return false;
        }

        // RFC 2822 section 4.3: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999; three digits add 1900.
        year = yearToken.Length switch
        {
            2 => year < 50 ? 2000 + year : 1900 + year,
            3 => 1900 + year,
            _ => year,
        };

        int hour = 0, minute = 0, seconds = 0;
        token = NextToken(ref rest);
        if (token.Contains(':'))
        {
            if (!TryParseTime(token, out hour, out minute, out seconds))
            {
                return false;
            }

            token = NextToken(ref rest);
        }

        var offset = TimeSpan.Zero;
        if (!token.IsEmpty && !TryParseZone(token, out offset))
        {
            return false;
        }

        if (year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || seconds > 59)
        {
            return false;
        }

        return TryCreate(new DateTime(year, month, day, hour, minute, seconds), offset, out value);
    }

    /// <summary>The next run of characters between spaces, commas and tabs, or empty at the end.</summary>
    private static ReadOnlySpan<char> NextToken(ref ReadOnlySpan<char> rest)
    {
        var start = rest.IndexOfAnyExcept(' ', ',', '\t');
        if (start < 0)
        {
            rest = default;
            return default;
        }

        rest = rest[start..];
        var end = rest.IndexOfAny(' ', ',', '\t');
        var token = end < 0 ? rest : rest[..end];
        rest = end < 0 ? default : rest[end..];
        return token;
    }

    private static bool TryCreate(DateTime local, TimeSpan offset, out DateTimeOffset value)
    {
        try
        {
            value = new DateTimeOffset(local, offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            value = default;
            return false;
        }
    }

    private static bool TryNumber(ReadOnlySpan<char> token, out int number) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static bool TryDigits(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return !digits.IsEmpty;
    }

    private static int MonthOf(ReadOnlySpan<char> token)
    {
        if (token.Length < 3 || !char.IsAsciiLetter(token[0]))
        {
            return 0;
        }

        var prefix = token[..3];
        for (var m = 0; m < Months.Length; m++)
        {
            if (prefix.Equals(Months[m], StringComparison.OrdinalIgnoreCase))
            {
                return m + 1;
            }
        }

        return 0;
    }

    private static bool TryParseTime(ReadOnlySpan<char> token, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        var first = token.IndexOf(':');
        var afterFirst = token[(first + 1)..];
        var secondColon = afterFirst.IndexOf(':');
        var minutes = secondColon < 0 ? afterFirst : afterFirst[..secondColon];
        if (!TryNumber(token[..first], out hour) || !TryNumber(minutes, out minute))
        {
            return false;
        }

        if (secondColon < 0)
        {
            return true; // missing seconds are allowed by RFC 822
        }

        var secondsText = afterFirst[(secondColon + 1)..];
        if (secondsText.Contains(':'))
        {
            return false;
        }

        // Fractional seconds are dropped.
        var dot = secondsText.IndexOf('.');
        return TryNumber(dot < 0 ? secondsText : secondsText[..dot], out second);
    }

    private static bool TryParseZone(ReadOnlySpan<char> token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (token[0] is '+' or '-')
        {
            return TryParseNumericOffset(token, out offset);
        }

        if (token.Length > 32)
        {
            return false;
        }

        Span<char> upper = stackalloc char[token.Length];
        token.ToUpperInvariant(upper);
        if (upper.Length > 3 && (upper.StartsWith("GMT") || upper.StartsWith("UTC")))
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

    private static int? MilitaryZone(ReadOnlySpan<char> zone)
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

    private static bool TryParseNumericOffset(ReadOnlySpan<char> token, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (token.Length < 2 || token[0] is not ('+' or '-') || token.Length > 16)
        {
            return false;
        }

        Span<char> digits = stackalloc char[token.Length];
        var count = 0;
        foreach (var c in token[1..])
        {
            if (c != ':')
            {
                digits[count++] = c;
            }
        }

        if (!TryNumber(digits[..count], out var number))
        {
            return false;
        }

        var (hours, minutes) = count <= 2 ? (number, 0) : (number / 100, number % 100);
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (token[0] == '-' ? -1 : 1);
        return true;
    }
}
