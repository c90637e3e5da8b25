using System.Net;
using BotHost.Core.Feeds.Fetching;
using BotHost.Testing.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Core.Tests.Feeds.Fetching;

public sealed class FeedFetcherAddressGuardTests
{
    [Fact]
    public async Task FetchAsync_WhenUrlIsLiteralLoopbackAndPrivateDisallowed_RefusesWithoutConnecting()
    {
        await using var host = await FetcherHost.StartAsync(o => o.AllowPrivateAddresses = false);
        host.Server.Map("/feed.xml", LoopbackResponse.Text("<rss/>"));

        var result = await host.FetchAsync("/feed.xml");

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Contains("Feeds:AllowPrivateAddresses", result.Error, StringComparison.Ordinal);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_WhenHostNameResolvesToLoopback_RefusesAtConnectTime()
    {
        await using var host = await FetcherHost.StartAsync(o => o.AllowPrivateAddresses = false);
        host.Server.Map("/feed.xml", LoopbackResponse.Text("<rss/>"));

        var result = await FetchByNameAsync(host, "/feed.xml");

        AssertRefused(result, "Refused localhost");
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_WhenUrlIsIpv4MappedLoopback_Refuses()
    {
        await using var host = await FetcherHost.StartAsync(o => o.AllowPrivateAddresses = false);

        var result = await host.Fetcher.FetchAsync(new FetchRequest("http://[::ffff:127.0.0.1]:9/feed.xml"), TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Contains("Feeds:AllowPrivateAddresses", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A public host that redirects to a private address: the connect-time guard is swapped for a plain connector so
    /// "localhost" can stand in for the public first hop; the redirect's target is refused by the per-hop check
    /// before any request (a broken check would reach 127.0.0.1 only, never a real private network).
    /// </summary>
    [Fact]
    public async Task FetchAsync_WhenAPublicHostRedirectsToAPrivateAddress_RefusesThatHopWithoutRequestingIt()
    {
        await using var host = await FetcherHost.StartAsync(
            o => o.AllowPrivateAddresses = false,
            s => s.AddHttpClient(FeedFetcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }));
        host.Server.Map("/feed.xml", LoopbackResponse.Redirect(host.Server.Url("/internal.xml").ToString()));
        host.Server.Map("/internal.xml", LoopbackResponse.Text("<rss/>"));

        var result = await FetchByNameAsync(host, "/feed.xml");

        AssertRefused(result, "non-public address 127.0.0.1");
        Assert.Single(host.Server.RequestsTo("/feed.xml"));
        Assert.Empty(host.Server.RequestsTo("/internal.xml"));
    }

    [Fact]
    public async Task FetchAsync_WhenPrivateAllowed_FetchesFromLoopback()
    {
        await using var host = await FetcherHost.StartAsync(o => o.AllowPrivateAddresses = true);
        host.Server.Map("/feed.xml", LoopbackResponse.Text("<rss/>"));

        var result = await host.FetchAsync("/feed.xml");

        Assert.Equal(FetchStatus.Ok, result.Status);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    public void Contains_WhenAddressIsNotPublic_ReturnsTrue(string address)
    {
        var parsed = IPAddress.Parse(address);

        var blocked = PrivateAddressRanges.Contains(parsed);

        Assert.True(blocked);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Contains_WhenAddressIsPublic_ReturnsFalse(string address)
    {
        var parsed = IPAddress.Parse(address);

        var blocked = PrivateAddressRanges.Contains(parsed);

        Assert.False(blocked);
    }

    /// <summary>Fetches <paramref name="path"/> through the name "localhost" instead of the server's 127.0.0.1.</summary>
    private static Task<FetchResult> FetchByNameAsync(FetcherHost host, string path) =>
        host.Fetcher.FetchAsync(new FetchRequest(new UriBuilder(host.Server.Url(path)) { Host = "localhost" }.Uri.ToString()), TestContext.Current.CancellationToken);

    private static void AssertRefused(FetchResult result, string why)
    {
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Contains(why, result.Error, StringComparison.Ordinal);
        Assert.Contains("Feeds:AllowPrivateAddresses", result.Error, StringComparison.Ordinal);
    }
}
