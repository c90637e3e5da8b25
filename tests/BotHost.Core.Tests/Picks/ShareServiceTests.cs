using BotHost.Core.Picks;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Picks;

public sealed class ShareServiceTests
{
    private static readonly ChannelKey Channel = new(100, 200);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Page = """
        <!doctype html><html><head><meta charset="utf-8">
        <title>Fallback title | Example Blog</title>
        <meta property="og:title" content="How we cut p99 latency in half">
        <meta name="description" content="  A tour of   queues, caches
        and one surprising lock. ">
        </head><body><h1>Ignored</h1></body></html>
        """;

    private static ShareRequest Request(string url, string? note = null) => new(Channel, url, note, 5, "ada", []);

    [Fact]
    public async Task Share_OfAPageNoFeedBrought_FetchesItsOpenGraphTitleAndStoresAPickThatSearchDoesNotShow()
    {
        await using var server = await LoopbackFeedServer.StartAsync(Ct);
        server.Map("/post", LoopbackResponse.Text(Page, "text/html; charset=utf-8"));
        await using var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Feeds:AllowPrivateAddresses"] = "true" });
        var shares = host.Services.GetRequiredService<ShareService>();

        var result = await shares.ShareAsync(Request(server.Url("/post?utm_source=x").ToString(), "worth it"), Ct);

        Assert.Equal(ShareOutcome.Picked, result.Outcome);
        Assert.Equal("How we cut p99 latency in half", result.Story!.Title);
        Assert.Equal("A tour of queues, caches and one surprising lock.", result.Story.SummaryText);
        Assert.Equal(server.Url("/post").ToString(), result.Story.Url);
        Assert.Equal(("ada", "worth it"), (result.Pick!.PickedByName, result.Pick.Note));
        Assert.Equal(["1"], await host.QueryStringsAsync("SELECT is_backlog FROM stories"));
        Assert.Single(server.RequestsTo("/post"));
    }

    [Fact]
    public async Task Share_OfALoopbackAddress_IsRefusedByTheFetchersGuardAndStoresNothing()
    {
        await using var server = await LoopbackFeedServer.StartAsync(Ct);
        server.Map("/post", LoopbackResponse.Text(Page, "text/html"));
        await using var host = await CoreTestHost.StartAsync();

        var result = await host.Services.GetRequiredService<ShareService>().ShareAsync(Request(server.Url("/post").ToString()), Ct);

        Assert.Equal(ShareOutcome.Refused, result.Outcome);
        Assert.StartsWith("I could not fetch that page, so nothing was shared: Refused 127.0.0.1", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.RequestsTo("/post"));
        Assert.Equal(0, await host.CountAsync("curator_picks"));
        Assert.Equal(0, await host.CountAsync("stories"));
    }

    [Theory]
    [InlineData("javascript:alert(1)", "That link cannot be shared: ")]
    [InlineData("not a link", "That link cannot be shared: ")]
    public async Task Share_OfSomethingThatIsNotAWebLink_SaysWhy(string url, string expected)
    {
        await using var host = await CoreTestHost.StartAsync();

        var result = await host.Services.GetRequiredService<ShareService>().ShareAsync(Request(url), Ct);

        Assert.Equal(ShareOutcome.Refused, result.Outcome);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Share_WithANoteOverTheLimit_IsRefusedBeforeAnyFetch()
    {
        await using var host = await CoreTestHost.StartAsync();

        var result = await host.Services.GetRequiredService<ShareService>().ShareAsync(Request("https://example.org/x", new string('n', 301)), Ct);

        Assert.StartsWith("The note may have at most 300 characters; yours has 301.", result.Error, StringComparison.Ordinal);
    }
}
