using BotHost.Core.Feeds.Fetching;

namespace BotHost.Core.Tests.Feeds.Fetching;

public sealed class FetchBackoffTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Cap = TimeSpan.FromHours(6);

    [Fact]
    public void NextDelay_WhenNoFailures_ReturnsNormalInterval()
    {
        var delay = FetchBackoff.NextDelay(0, Interval, Cap, retryAfter: null);

        Assert.Equal(Interval, delay);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 360)]
    [InlineData(6, 360)]
    [InlineData(1000, 360)]
    [InlineData(int.MaxValue, 360)]
    public void NextDelay_WhenFailuresRepeat_DoublesUpToCap(int failures, int expectedMinutes)
    {
        var delay = FetchBackoff.NextDelay(failures, Interval, Cap, retryAfter: null);

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), delay);
    }

    [Fact]
    public void NextDelay_WhenCapIsBelowInterval_NeverGoesBelowInterval()
    {
        var delay = FetchBackoff.NextDelay(3, Interval, TimeSpan.FromMinutes(5), retryAfter: null);

        Assert.Equal(Interval, delay);
    }

    [Fact]
    public void NextDelay_WhenRetryAfterIsLongerThanBackoff_HonoursRetryAfter()
    {
        var delay = FetchBackoff.NextDelay(1, Interval, Cap, TimeSpan.FromHours(2));

        Assert.Equal(TimeSpan.FromHours(2), delay);
    }

    [Fact]
    public void NextDelay_WhenRetryAfterExceedsMaxBackoff_StillHonoursIt()
    {
        var delay = FetchBackoff.NextDelay(1, Interval, Cap, TimeSpan.FromHours(10));

        Assert.Equal(TimeSpan.FromHours(10), delay);
    }

    [Fact]
    public void NextDelay_WhenRetryAfterIsShorterThanBackoff_KeepsBackoff()
    {
        var delay = FetchBackoff.NextDelay(2, Interval, Cap, TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromMinutes(60), delay);
    }

    [Fact]
    public void NextDelay_WhenRetryAfterIsHuge_CapsItAt24Hours()
    {
        var delay = FetchBackoff.NextDelay(1, Interval, Cap, TimeSpan.FromDays(30));

        Assert.Equal(FetchBackoff.MaxRetryAfter, delay);
        Assert.Equal(TimeSpan.FromHours(24), delay);
    }

    [Fact]
    public void NextDelay_WhenFailureCountIsNegative_Throws()
    {
        Action act = () => _ = FetchBackoff.NextDelay(-1, Interval, Cap, retryAfter: null);

        Assert.Throws<ArgumentOutOfRangeException>(act);
    }
}
