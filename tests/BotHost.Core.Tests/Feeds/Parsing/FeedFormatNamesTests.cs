using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

public sealed class FeedFormatNamesTests
{
    [Theory]
    [InlineData(FeedFormat.Rss2, "rss2")]
    [InlineData(FeedFormat.Rss09x, "rss09x")]
    [InlineData(FeedFormat.Rdf, "rdf")]
    [InlineData(FeedFormat.Atom10, "atom10")]
    [InlineData(FeedFormat.Atom03, "atom03")]
    [InlineData(FeedFormat.JsonFeed, "jsonfeed")]
    public void ToWireName_MapsEachFormatToItsInspectFeedName(FeedFormat format, string expected)
    {
        var name = format.ToWireName();

        Assert.Equal(expected, name);
    }

    [Fact]
    public void ToWireName_GivesEveryFormatADistinctName()
    {
        var names = Enum.GetValues<FeedFormat>().Select(f => f.ToWireName()).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
