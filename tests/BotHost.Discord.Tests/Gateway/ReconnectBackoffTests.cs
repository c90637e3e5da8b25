using BotHost.Discord.Gateway;

namespace BotHost.Discord.Tests.Gateway;

public sealed class ReconnectBackoffTests
{
    [Fact]
    public void Next_DoublesFromOneSecondWithinJitterAndStopsAtTheCap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(10), new ScriptedRandom(1.0));

        var delays = Enumerable.Range(0, 6).Select(_ => backoff.Next().TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
    }

    [Fact]
    public void Next_WithLowestJitter_WaitsHalfTheStep()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(60), new ScriptedRandom(0.0));

        var delays = Enumerable.Range(0, 3).Select(_ => backoff.Next().TotalSeconds).ToList();

        Assert.Equal([0.5, 1, 2], delays);
    }

    [Fact]
    public void Reset_AfterAHealthyConnection_StartsOverAtTheFirstStep()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(60), new ScriptedRandom(1.0));
        backoff.Next();
        backoff.Next();

        backoff.Reset();

        Assert.Equal(TimeSpan.FromSeconds(1), backoff.Next());
    }
}
