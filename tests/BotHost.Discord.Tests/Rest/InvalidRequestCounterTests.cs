using BotHost.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

public sealed class InvalidRequestCounterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void ThrottleDelay_BelowThreshold_IsZeroAndAtThresholdIsTheDelay()
    {
        var counter = new InvalidRequestCounter(3, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1), _time);
        counter.Record();
        counter.Record();
        var below = counter.ThrottleDelay();

        counter.Record();

        Assert.Equal(TimeSpan.Zero, below);
        Assert.Equal(TimeSpan.FromSeconds(1), counter.ThrottleDelay());
    }

    [Fact]
    public void Count_AfterWindowPasses_ForgetsOldEntries()
    {
        var counter = new InvalidRequestCounter(3, TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(1), _time);
        counter.Record();
        _time.Advance(TimeSpan.FromMinutes(6));
        counter.Record();

        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public void Defaults_StartThrottlingFarBelowDiscordsBan()
    {
        var options = new DiscordRestOptions();

        Assert.Equal(5000, options.InvalidRequestThrottleThreshold);
        Assert.Equal(TimeSpan.FromMinutes(10), options.InvalidRequestWindow);
    }
}
