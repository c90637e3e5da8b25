using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Stories;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Tests.Stories;

/// <summary>The parser reports items without a link (issue 8); curation drops them with a reason of their own.</summary>
public sealed class NoiseCuratorNoLinkTests
{
    private const string Summary = "A long enough summary of an actual article about deploying services on Kubernetes.";

    private readonly NoiseCurator _curator = new(Options.Create(new CurationOptions()));

    [Theory]
    [InlineData(null)]
    [InlineData("file:///home/me/feeds/posts/a.html")]
    [InlineData("ftp://files.example.test/a")]
    public void Judge_WhenItemHasNoWebLink_DropsItAsNoLink(string? url)
    {
        var item = new FeedItem("id-1", "A perfectly good article title", url, null, null, Summary, []);

        var verdict = _curator.Judge(item);

        Assert.False(verdict.Keep);
        Assert.Equal(NoiseCurator.NoLinkReason, verdict.Reason);
        Assert.Contains("no http(s) link", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_WhenItemHasAnHttpsLink_KeepsIt()
    {
        var item = new FeedItem("id-1", "A perfectly good article title", "https://blog.example.test/a", null, null, Summary, []);

        var verdict = _curator.Judge(item);

        Assert.True(verdict.Keep);
    }
}
