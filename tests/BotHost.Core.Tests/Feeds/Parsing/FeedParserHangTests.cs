using System.Text;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

/// <summary>Issue 8 §1: an element seen twice used to be claimed without being read, and the parse spun forever.</summary>
public sealed class FeedParserHangTests
{
    [Theory]
    [InlineData("updated", "updated", "2010-12-01T10:14:55Z")]
    [InlineData("published", "published", "2010-12-01T10:14:55Z")]
    [InlineData("issued", "created", "2010-12-01T10:14:55Z")]
    [InlineData("modified", "updated", "2010-12-01T10:14:55Z")]
    public void Parse_WhenAtomEntryRepeatsADateElement_KeepsTheFirstAndFinishes(string first, string second, string expected)
    {
        var xml = $"""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A title here ok</title>
            <{first}>2010-12-01T10:14:55Z</{first}><{second}>2003-12-31T10:14:55Z</{second}></entry></feed>
            """;

        var feed = BoundedParse.Run(ct => new FeedParser().Parse(Encoding.UTF8.GetBytes(xml), new FeedParseContext(FeedTestFiles.Source), ct));

        var item = Assert.Single(feed.Items);
        Assert.Equal("A title here ok", item.Title);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), item.Published);
        Assert.Empty(feed.Errors);
    }

    [Fact]
    public void Parse_WhenEveryChildOfAnItemIsRepeated_FinishesWithoutParserFaults()
    {
        var item = "<item><title>T</title><link>https://e.example.test/1</link><guid>g</guid><pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate>"
            + "<dc:date xmlns:dc=\"http://purl.org/dc/elements/1.1/\">2025-06-10</dc:date><description>d</description><comments>https://e.example.test/c</comments><category>c</category></item>";
        var doubled = item.Replace("<item>", string.Empty, StringComparison.Ordinal).Replace("</item>", string.Empty, StringComparison.Ordinal);
        var xml = FeedTestFiles.Rss("<item>" + doubled + doubled + "</item>");

        var feed = BoundedParse.Run(ct => new FeedParser().Parse(Encoding.UTF8.GetBytes(xml), new FeedParseContext(FeedTestFiles.Source), ct));

        Assert.Equal("T", Assert.Single(feed.Items).Title);
        Assert.Empty(feed.Errors);
    }
}
