using System.Globalization;
using System.Text.RegularExpressions;
using BotHost.Core.Stories;

namespace BotHost.Core.Subscriptions;

/// <summary>
/// Checks what a member typed for a subscription and says what to type instead. Each check returns false with a
/// one-line message; nothing here throws for user input.
/// </summary>
public sealed partial class SubscriptionRules(TopicVocabulary? vocabulary, TimeSpan patternTimeout)
{
    public const int MaxTopics = 25;
    public const int MaxSize = 25;
    public const int DefaultSize = 10;
    public const int MaxKeywords = 25;
    public const int MaxKeywordLength = 64;
    public const int MaxPatternLength = 200;
    public const int MaxNameLength = 32;

    /// <summary>Typed in a list option to clear it ("topics:all", "include:none").</summary>
    public static readonly IReadOnlySet<string> ClearWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "all", "none", "any", "-" };

    public TimeSpan PatternTimeout => patternTimeout;

    /// <summary>The topics members may pick, sorted; empty when no topics file is configured.</summary>
    public IReadOnlyList<string> Topics => vocabulary is null ? [] : [.. vocabulary.Topics.Order(StringComparer.Ordinal)];

    public static bool TryParseName(string? typed, out string name, out string error)
    {
        name = Subscription.DefaultName;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(typed))
        {
            return true;
        }

        var candidate = typed.Trim().ToLowerInvariant();
        if (!NamePattern().IsMatch(candidate))
        {
            error = $"Name must be 1-{MaxNameLength} letters, digits, '-' or '_' without spaces; you typed '{Shorten(typed)}' → try {Suggest(candidate, "backend")}.";
            return false;
        }

        name = candidate;
        return true;
    }

    /// <summary>HH:MM on a 24-hour clock; "9:00" is accepted as 09:00.</summary>
    public static bool TryParseTime(string? typed, out TimeOnly time, out string error)
    {
        time = default;
        error = string.Empty;
        var text = typed?.Trim() ?? string.Empty;
        var match = TimePattern().Match(text);
        if (match.Success)
        {
            var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (hour < 24 && minute < 60)
            {
                time = new TimeOnly(hour, minute);
                return true;
            }
        }

        error = $"Time must be HH:MM, 24-hour; you typed {Shorten(text)} → try {SuggestTime(text)}.";
        return false;
    }

    public static bool TryParseTimeZone(string? typed, out string zone, out string error)
    {
        error = string.Empty;
        zone = TimeZoneCatalog.Canonical(typed) ?? string.Empty;
        if (zone.Length > 0)
        {
            return true;
        }

        var text = typed?.Trim() ?? string.Empty;
        var guess = NearestName.Find(text, TimeZoneCatalog.Ids) ?? "Europe/Berlin";
        error = $"Unknown time zone '{Shorten(text)}'; type an IANA zone name such as {guess} or UTC (start typing and pick one from the list).";
        return false;
    }

    public static bool TryParseMode(string? typed, out SubscriptionMode mode, out string error)
    {
        error = string.Empty;
        var text = typed?.Trim() ?? string.Empty;
        if (Enum.TryParse(text, ignoreCase: true, out mode) && Enum.IsDefined(mode) && !int.TryParse(text, out _))
        {
            return true;
        }

        error = $"Mode must be daily, weekly or instant; you typed '{Shorten(text)}'.";
        return false;
    }

    public static bool TryParseWeekday(string? typed, out DayOfWeek day, out string error)
    {
        error = string.Empty;
        var text = typed?.Trim() ?? string.Empty;
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString();
            if (text.Length >= 3 && name.StartsWith(text, StringComparison.OrdinalIgnoreCase))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        error = $"Weekday must be a day such as monday (or mon); you typed '{Shorten(text)}'.";
        return false;
    }

    public static bool TryCheckSize(long size, out string error)
    {
        error = size is >= 1 and <= MaxSize ? string.Empty : $"Size must be between 1 and {MaxSize} stories; you typed {size} → try {Math.Clamp(size, 1, MaxSize)}.";
        return error.Length == 0;
    }

    /// <summary>Topics separated by commas or spaces, each from the vocabulary; "all" means every topic (an empty list).</summary>
    public bool TryParseTopics(string? typed, out IReadOnlyList<string> topics, out string error)
    {
        topics = [];
        error = string.Empty;
        var names = SplitList(typed, allowSpaces: true);
        if (names.Count == 0 || (names.Count == 1 && ClearWords.Contains(names[0])))
        {
            return true;
        }

        if (names.Count > MaxTopics)
        {
            error = $"At most {MaxTopics} topics; you typed {names.Count}. Leave topics out (or type all) to get every topic.";
            return false;
        }

        if (vocabulary is null)
        {
            error = "This bot has no topic list (its Curation:TopicsFile is missing), so it cannot filter by topic; leave topics out to get every story.";
            return false;
        }

        var result = new List<string>();
        foreach (var name in names)
        {
            var topic = name.ToLowerInvariant();
            if (!vocabulary.Contains(topic))
            {
                var guess = NearestName.Find(topic, vocabulary.Topics);
                error = $"Unknown topic '{Shorten(name)}'{(guess is null ? "" : $" (did you mean {guess}?)")}; topics are: {string.Join(", ", Topics)}.";
                return false;
            }

            if (!result.Contains(topic, StringComparer.Ordinal))
            {
                result.Add(topic);
            }
        }

        topics = result;
        return true;
    }

    /// <summary>Source names separated by commas (names may hold spaces), each one of <paramref name="known"/>; "all" clears.</summary>
    public static bool TryParseSources(string? typed, IReadOnlyCollection<string> known, out IReadOnlyList<string> sources, out string error)
    {
        sources = [];
        error = string.Empty;
        var names = SplitList(typed, allowSpaces: false);
        if (names.Count == 0 || (names.Count == 1 && ClearWords.Contains(names[0])))
        {
            return true;
        }

        var result = new List<string>();
        foreach (var name in names)
        {
            if (!TryFindSource(name, known, out var source, out error))
            {
                return false;
            }

            if (!result.Contains(source, StringComparer.Ordinal))
            {
                result.Add(source);
            }
        }

        sources = result;
        return true;
    }

    public static bool TryFindSource(string? typed, IReadOnlyCollection<string> known, out string source, out string error)
    {
        error = string.Empty;
        var text = typed?.Trim() ?? string.Empty;
        source = known.FirstOrDefault(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        if (source.Length > 0)
        {
            return true;
        }

        var guess = NearestName.Find(text, known);
        error = known.Count == 0
            ? $"Unknown source '{Shorten(text)}': no sources are configured yet."
            : $"Unknown source '{Shorten(text)}'{(guess is null ? "" : $" (did you mean {guess}?)")}; see /sources for the list.";
        return false;
    }

    /// <summary>Keywords separated by commas; "none" clears.</summary>
    public static bool TryParseKeywords(string? typed, string what, out IReadOnlyList<string> keywords, out string error)
    {
        keywords = [];
        error = string.Empty;
        var words = SplitList(typed, allowSpaces: false);
        if (words.Count == 0 || (words.Count == 1 && ClearWords.Contains(words[0])))
        {
            return true;
        }

        if (words.Count > MaxKeywords)
        {
            error = $"At most {MaxKeywords} {what} keywords; you typed {words.Count}. Separate keywords with commas, e.g. rust, wasm.";
            return false;
        }

        if (words.FirstOrDefault(w => w.Length > MaxKeywordLength) is { } tooLong)
        {
            error = $"A {what} keyword may have at most {MaxKeywordLength} characters; '{Shorten(tooLong)}' has {tooLong.Length}. Separate keywords with commas.";
            return false;
        }

        keywords = [.. words.Select(w => w.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        return true;
    }

    /// <summary>
    /// A regular expression that compiles and stays under <see cref="PatternTimeout"/> on texts built to trigger
    /// catastrophic backtracking; "none" clears (null).
    /// </summary>
    public bool TryParsePattern(string? typed, string what, out string? pattern, out string error)
    {
        pattern = null;
        error = string.Empty;
        var text = typed?.Trim() ?? string.Empty;
        if (text.Length == 0 || ClearWords.Contains(text))
        {
            return true;
        }

        if (text.Length > MaxPatternLength)
        {
            error = $"The {what} pattern may have at most {MaxPatternLength} characters; yours has {text.Length}.";
            return false;
        }

        Regex regex;
        try
        {
            regex = CreateRegex(text, patternTimeout);
        }
        catch (ArgumentException ex)
        {
            error = $"The {what} pattern is not a valid regular expression ({OneLine(ex.Message)}); a simple one looks like \\b(rust|wasm)\\b.";
            return false;
        }

        foreach (var probe in Probes(text))
        {
            try
            {
                regex.IsMatch(probe);
            }
            catch (RegexMatchTimeoutException)
            {
                error = $"The {what} pattern takes too long to match (over {patternTimeout.TotalMilliseconds:0} ms on a test text): nested repeats such as (a+)+ backtrack without end. Simplify it, e.g. a+ instead of (a+)+.";
                return false;
            }
        }

        pattern = text;
        return true;
    }

    /// <summary>How every stored pattern is compiled for matching: case-insensitive, culture-invariant, with a match timeout.</summary>
    public static Regex CreateRegex(string pattern, TimeSpan timeout)
        => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, timeout);

    // Texts that make backtracking patterns blow up: long runs of one character (each letter or digit the pattern
    // names, and common ones) ending in a character that makes the match fail at the last moment.
    private static IEnumerable<string> Probes(string pattern)
    {
        var characters = pattern.Where(char.IsLetterOrDigit).Concat("a0 .-").Distinct().Take(24);
        foreach (var c in characters)
        {
            yield return new string(c, 64) + "\u0001!";
            yield return string.Concat(Enumerable.Repeat(c + " ", 48)) + "\u0001";
        }

        yield return new string('a', 4000) + "\u0001";
    }

    private static List<string> SplitList(string? typed, bool allowSpaces)
    {
        var separators = allowSpaces ? new[] { ',', ';', ' ', '\t' } : [',', ';'];
        return [.. (typed ?? string.Empty).Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private static string SuggestTime(string text)
    {
        var twelveHour = TwelveHourPattern().Match(text);
        if (twelveHour.Success)
        {
            var hour = int.Parse(twelveHour.Groups["h"].Value, CultureInfo.InvariantCulture) % 12;
            var minute = twelveHour.Groups["m"].Success ? int.Parse(twelveHour.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (twelveHour.Groups["p"].Value.StartsWith('p') || twelveHour.Groups["p"].Value.StartsWith('P'))
            {
                hour += 12;
            }

            if (minute < 60)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{hour:D2}:{minute:D2}");
            }
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length is 1 or 2 && int.Parse(digits, CultureInfo.InvariantCulture) < 24
            ? string.Create(CultureInfo.InvariantCulture, $"{int.Parse(digits, CultureInfo.InvariantCulture):D2}:00")
            : "09:00";
    }

    private static string Suggest(string candidate, string fallback)
    {
        var cleaned = new string(candidate.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        cleaned = cleaned.Length > MaxNameLength ? cleaned[..MaxNameLength] : cleaned;
        return cleaned.Length == 0 ? fallback : cleaned;
    }

    internal static string Shorten(string text) => OneLine(text.Length <= 60 ? text : text[..57] + "...");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    [GeneratedRegex(@"^[-_\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2})$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?::(?<m>\d{2}))?\s*(?<p>[ap]\.?m\.?)$", RegexOptions.IgnoreCase)]
    private static partial Regex TwelveHourPattern();
}
