using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Tue, 10 Jun 2025 04:00:00 GMT", "2025-06-10T04:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 EST", "2025-06-10T09:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 EDT", "2025-06-10T08:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 PDT", "2025-06-10T11:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 PST", "2025-06-10T12:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 CDT", "2025-06-10T09:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 UT", "2025-06-10T04:00:00Z")]
    [InlineData("10 Jun 2025 04:00:00 +0200", "2025-06-10T02:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 -0530", "2025-06-10T09:30:00Z")]
    public void TryParse_WhenRfc822WithZone_ConvertsToUtc(string text, string expected)
    {
        var parsed = FeedDates.TryParse(text, out var value);

        Assert.True(parsed);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("Tue, 10 Jun 2025 04:00:00 Z", "2025-06-10T04:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 A", "2025-06-10T03:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 N", "2025-06-10T05:00:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 Y", "2025-06-10T16:00:00Z")]
    public void TryParse_WhenMilitaryZoneLetter_AppliesItsOffset(string text, string expected)
    {
        var parsed = FeedDates.TryParse(text, out var value);

        Assert.True(parsed);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void TryParse_WhenSecondsAreMissing_UsesZeroSeconds()
    {
        var parsed = FeedDates.TryParse("Tue, 10 Jun 2025 04:05 GMT", out var value);

        Assert.True(parsed);
        Assert.Equal(new DateTimeOffset(2025, 6, 10, 4, 5, 0, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("Wed, 02 Oct 02 13:00:00 GMT", 2002)]
    [InlineData("Sat, 02 Oct 99 13:00:00 GMT", 1999)]
    [InlineData("Fri, 02 Oct 49 13:00:00 GMT", 2049)]
    public void TryParse_WhenTwoDigitYear_AppliesRfc2822Window(string text, int year)
    {
        var parsed = FeedDates.TryParse(text, out var value);

        Assert.True(parsed);
        Assert.Equal(year, value.Year);
    }

    [Theory]
    [InlineData("2025-06-10T18:30:02Z", "2025-06-10T18:30:02Z")]
    [InlineData("2025-06-10T18:30:02.123+02:00", "2025-06-10T16:30:02.123Z")]
    [InlineData("2025-06-10T18:30-04:00", "2025-06-10T22:30:00Z")]
    [InlineData("2025-06-10", "2025-06-10T00:00:00Z")]
    [InlineData("2025-06-10 18:30:02", "2025-06-10T18:30:02Z")]
    public void TryParse_WhenIso8601_ConvertsToUtc(string text, string expected)
    {
        var parsed = FeedDates.TryParse(text, out var value);

        Assert.True(parsed);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("32 Jun 2025 04:00:00 GMT")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 QQQ")]
    public void TryParse_WhenUnparseable_ReturnsFalse(string text)
    {
        var parsed = FeedDates.TryParse(text, out _);

        Assert.False(parsed);
    }

    [Theory]
    [InlineData("Tue, 10 Jun 2025 04:00:00 GMT+05:30", "2025-06-09T22:30:00Z")]
    [InlineData("Tue, 10 Jun 2025 04:00:00.250 +0100", "2025-06-10T03:00:00Z")]
    [InlineData("Jun 10 2025 04:00 UTC", "2025-06-10T04:00:00Z")]
    [InlineData("  2025-06-10T18:30:02.1234567Z  ", "2025-06-10T18:30:02.1234567Z")]
    [InlineData("2025-06-10T18:30:02+0200", "2025-06-10T16:30:02Z")]
    [InlineData("2025-06-10 18:30:02 +02:00", "2025-06-10T16:30:02Z")]
    [InlineData("June 10, 2025", "2025-06-10T00:00:00Z")]
    public void TryParse_WhenLessCommonShape_StillReadsIt(string text, string expected)
    {
        var parsed = FeedDates.TryParse(text, out var value);

        Assert.True(parsed);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("2025-02-30T10:00:00Z")]
    [InlineData("Tue, 31 Jun 2025 04:00:00 GMT")]
    [InlineData("Tue, 10 Jun 2025 25:00:00 GMT")]
    [InlineData("Tue, 10 Jun 2025 04:00:00:00 GMT")]
    [InlineData("Tue, 10 Jun 2025 04:00:00 +1500")]
    public void TryParse_WhenFieldsAreOutOfRange_ReturnsFalse(string text)
    {
        var parsed = FeedDates.TryParse(text, out _);

        Assert.False(parsed);
    }
}
