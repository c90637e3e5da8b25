using BotHost.Core.Stories;
using BotHost.Core.Subscriptions;

namespace BotHost.Core.Tests.Subscriptions;

public sealed class SubscriptionRulesTests
{
    private static readonly SubscriptionRules Rules = new(
        TopicVocabulary.Create(new Dictionary<string, IReadOnlyList<string>>
        {
            ["backend"] = ["api"],
            ["ai"] = ["llm"],
            ["devops"] = ["docker"],
        }),
        TimeSpan.FromMilliseconds(50));

    [Theory]
    [InlineData("09:00", 9, 0)]
    [InlineData("9:05", 9, 5)]
    [InlineData(" 23:59 ", 23, 59)]
    [InlineData("00:00", 0, 0)]
    public void TryParseTime_AcceptsTwentyFourHourTimes(string typed, int hour, int minute)
    {
        Assert.True(SubscriptionRules.TryParseTime(typed, out var time, out _));
        Assert.Equal(new TimeOnly(hour, minute), time);
    }

    [Theory]
    [InlineData("9am", "you typed 9am → try 09:00")]
    [InlineData("7:30 pm", "you typed 7:30 pm → try 19:30")]
    [InlineData("12am", "→ try 00:00")]
    [InlineData("24:00", "you typed 24:00 → try 09:00")]
    [InlineData("9", "you typed 9 → try 09:00")]
    [InlineData("noon", "you typed noon → try 09:00")]
    public void TryParseTime_RefusesOtherSpellingsAndSuggestsTheTwentyFourHourOne(string typed, string expected)
    {
        Assert.False(SubscriptionRules.TryParseTime(typed, out _, out var error));
        Assert.StartsWith("Time must be HH:MM, 24-hour;", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseTimeZone_AcceptsIanaIdsInAnyCaseAndReturnsTheCanonicalSpelling()
    {
        Assert.True(SubscriptionRules.TryParseTimeZone("europe/berlin", out var zone, out _));
        Assert.Equal("Europe/Berlin", zone);
        Assert.True(SubscriptionRules.TryParseTimeZone("UTC", out zone, out _));
        Assert.Equal("UTC", zone);
    }

    [Fact]
    public void TryParseTimeZone_WhenUnknown_SuggestsTheClosestZone()
    {
        Assert.False(SubscriptionRules.TryParseTimeZone("Europe/Berln", out _, out var error));

        Assert.Contains("Unknown time zone 'Europe/Berln'", error, StringComparison.Ordinal);
        Assert.Contains("such as Europe/Berlin", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseTopics_SplitsOnCommasAndSpaces_LowercasesAndDropsRepeats()
    {
        Assert.True(Rules.TryParseTopics("Backend, ai backend", out var topics, out _));
        Assert.Equal(["backend", "ai"], topics);
        Assert.True(Rules.TryParseTopics("all", out topics, out _));
        Assert.Empty(topics);
    }

    [Fact]
    public void TryParseTopics_WhenUnknown_NamesTheTypoAndTheVocabulary()
    {
        Assert.False(Rules.TryParseTopics("bakend", out _, out var error));

        Assert.Equal("Unknown topic 'bakend' (did you mean backend?); topics are: ai, backend, devops.", error);
    }

    [Fact]
    public void TryParseTopics_WhenMoreThan25_RefusesBeforeLookingThemUp()
    {
        var typed = string.Join(",", Enumerable.Range(1, 26).Select(i => $"topic{i}"));

        Assert.False(Rules.TryParseTopics(typed, out _, out var error));

        Assert.StartsWith("At most 25 topics; you typed 26.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParsePattern_WhenCatastrophic_IsRefusedWithinTheTimeoutPerProbe()
    {
        var started = TimeProvider.System.GetTimestamp();

        Assert.False(Rules.TryParsePattern("(x+)+y", "include", out var pattern, out var error));

        Assert.Null(pattern);
        Assert.Contains("takes too long to match", error, StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(10), "one timed-out probe is enough to refuse");
    }

    [Fact]
    public void TryParsePattern_WhenInvalid_SaysSoAndShowsASimpleOne()
    {
        Assert.False(Rules.TryParsePattern("(rust", "exclude", out _, out var error));

        Assert.StartsWith("The exclude pattern is not a valid regular expression", error, StringComparison.Ordinal);
        Assert.Contains(@"\b(rust|wasm)\b", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParsePattern_AcceptsAnOrdinaryPatternAndNoneClears()
    {
        Assert.True(Rules.TryParsePattern(@"\b(rust|wasm)\b", "include", out var pattern, out _));
        Assert.Equal(@"\b(rust|wasm)\b", pattern);
        Assert.True(Rules.TryParsePattern("none", "include", out pattern, out _));
        Assert.Null(pattern);
    }

    [Fact]
    public void CreateRegex_MatchesCaseInsensitivelyWithTheTimeout()
    {
        var regex = SubscriptionRules.CreateRegex("rust", TimeSpan.FromMilliseconds(50));

        Assert.Matches(regex, "Why RUST?");
        Assert.Equal(TimeSpan.FromMilliseconds(50), regex.MatchTimeout);
    }

    [Theory]
    [InlineData("Backend", true, "backend")]
    [InlineData("ai-weekly", true, "ai-weekly")]
    [InlineData("my sub!", false, "try my-sub")]
    [InlineData("a-name-that-is-much-longer-than-thirty-two", false, "1-32 letters")]
    public void TryParseName_AllowsShortSlugs(string typed, bool ok, string expected)
    {
        Assert.Equal(ok, SubscriptionRules.TryParseName(typed, out var name, out var error));
        Assert.Contains(expected, ok ? name : error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(26)]
    public void TryCheckSize_OutsideOneTo25_SaysTheRange(long size)
    {
        Assert.False(SubscriptionRules.TryCheckSize(size, out var error));
        Assert.StartsWith("Size must be between 1 and 25 stories", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseKeywords_SplitsOnCommasAndKeepsPhrases()
    {
        Assert.True(SubscriptionRules.TryParseKeywords("Rust, web assembly,rust", "include", out var keywords, out _));
        Assert.Equal(["rust", "web assembly"], keywords);
    }

    [Fact]
    public void TryParseWeekdayAndMode_AcceptNamesAndAbbreviations()
    {
        Assert.True(SubscriptionRules.TryParseWeekday("fri", out var day, out _));
        Assert.Equal(DayOfWeek.Friday, day);
        Assert.False(SubscriptionRules.TryParseWeekday("funday", out _, out var error));
        Assert.Contains("such as monday", error, StringComparison.Ordinal);
        Assert.True(SubscriptionRules.TryParseMode("Weekly", out var mode, out _));
        Assert.Equal(SubscriptionMode.Weekly, mode);
        Assert.False(SubscriptionRules.TryParseMode("1", out _, out error));
        Assert.Equal("Mode must be daily, weekly or instant; you typed '1'.", error);
    }

    [Fact]
    public void TimeZoneCatalog_Suggest_MatchesCitiesWithSpacesAndPutsPrefixMatchesFirst()
    {
        Assert.Equal("America/New_York", TimeZoneCatalog.Suggest("new york", 5)[0]);
        Assert.Contains("Europe/Berlin", TimeZoneCatalog.Suggest("berl", 5));
        Assert.All(TimeZoneCatalog.Suggest("europe/", 25), id => Assert.StartsWith("Europe/", id, StringComparison.Ordinal));
        Assert.Equal("UTC", TimeZoneCatalog.Suggest("", 3)[0]);
    }
}
