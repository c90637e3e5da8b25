using System.Text;
using BotHost.Core.Feeds.Fetching;
using BotHost.Testing.Feeds;

namespace BotHost.Core.Tests.Feeds.Fetching;

public sealed class FeedFetcherTests
{
    private const string Rss = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

    [Fact]
    public async Task FetchAsync_WhenServerSendsValidators_SecondFetchIsConditionalAndNotModified()
    {
        await using var host = await FetcherHost.StartAsync();
        const string etag = "\"v1\"";
        const string lastModified = "Wed, 14 Jan 2026 08:00:00 GMT";
        host.Server.Map("/feed.xml", request => request.Header("If-None-Match") == etag
            ? LoopbackResponse.StatusOnly(304, new Dictionary<string, string> { ["ETag"] = etag })
            : new LoopbackResponse
            {
                Body = Encoding.UTF8.GetBytes(Rss),
                Headers = new Dictionary<string, string>
                {
                    ["Content-Type"] = "application/rss+xml; charset=utf-8",
                    ["ETag"] = etag,
                    ["Last-Modified"] = lastModified,
                },
            });

        var first = await host.FetchAsync("/feed.xml");
        var second = await host.FetchAsync("/feed.xml", first.ETag, first.LastModified);

        Assert.Equal(FetchStatus.Ok, first.Status);
        Assert.Equal(Rss, Encoding.UTF8.GetString(first.Body!));
        Assert.Equal("application/rss+xml; charset=utf-8", first.ContentType);
        Assert.Equal(etag, first.ETag);
        Assert.Equal(lastModified, first.LastModified);
        Assert.Equal(FetchStatus.NotModified, second.Status);
        Assert.Null(second.Body);
        Assert.Equal(304, second.HttpStatus);
        Assert.Equal(etag, second.ETag);
        Assert.Equal(lastModified, second.LastModified);
        var requests = host.Server.RequestsTo("/feed.xml");
        Assert.Null(requests[0].Header("If-None-Match"));
        Assert.Equal(etag, requests[1].Header("If-None-Match"));
        Assert.Equal(lastModified, requests[1].Header("If-Modified-Since"));
    }

    [Fact]
    public async Task FetchAsync_WhenBodyIsGzipped_ReturnsDecodedBody()
    {
        await using var host = await FetcherHost.StartAsync();
        host.Server.Map("/gz.xml", new LoopbackResponse { Body = Encoding.UTF8.GetBytes(Rss), Gzip = true });

        var result = await host.FetchAsync("/gz.xml");

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(Rss, Encoding.UTF8.GetString(result.Body!));
        Assert.Contains("gzip", host.Server.RequestsTo("/gz.xml")[0].Header("Accept-Encoding"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenRedirectedThreeTimes_FollowsToFinalUri()
    {
        await using var host = await FetcherHost.StartAsync();
        host.Server.Map("/a", LoopbackResponse.Redirect("/b", 301));
        host.Server.Map("/b", LoopbackResponse.Redirect(host.Server.Url("/c").ToString(), 307));
        host.Server.Map("/c", LoopbackResponse.Redirect("final.xml", 308));
        host.Server.Map("/final.xml", LoopbackResponse.Text(Rss));

        var result = await host.FetchAsync("/a");

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(host.Server.Url("/final.xml"), result.FinalUri);
        Assert.Equal(Rss, Encoding.UTF8.GetString(result.Body!));
        Assert.Equal(["/a", "/b", "/c", "/final.xml"], host.Server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task FetchAsync_WhenRedirectsExceedMax_FailsNamingMaxRedirects()
    {
        await using var host = await FetcherHost.StartAsync(o => o.MaxRedirects = 2);
        host.Server.Map("/r0", LoopbackResponse.Redirect("/r1"));
        host.Server.Map("/r1", LoopbackResponse.Redirect("/r2"));
        host.Server.Map("/r2", LoopbackResponse.Redirect("/r3"));
        host.Server.Map("/r3", LoopbackResponse.Text(Rss));

        var result = await host.FetchAsync("/r0");

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Contains("Feeds:MaxRedirects", result.Error, StringComparison.Ordinal);
        Assert.Empty(host.Server.RequestsTo("/r3"));
    }

    [Fact]
    public async Task FetchAsync_WhenRedirectsLoop_FailsWithLoopError()
    {
        await using var host = await FetcherHost.StartAsync();
        host.Server.Map("/ping", LoopbackResponse.Redirect("/pong"));
        host.Server.Map("/pong", LoopbackResponse.Redirect("/ping"));

        var result = await host.FetchAsync("/ping");

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Contains("Redirect loop", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_WhenRedirectedToNonHttpScheme_Refuses()
    {
        await using var host = await FetcherHost.StartAsync();
        host.Server.Map("/to-file", LoopbackResponse.Redirect("file:///etc/passwd"));

        var result = await host.FetchAsync("/to-file");

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Null(result.Body);
        Assert.Contains("only http and https", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenServerReturns429WithDeltaSeconds_SetsRetryAfter()
    {
        await using var host = await FetcherHost.StartAsync();
        host.Server.Map("/busy", LoopbackResponse.StatusOnly(429, new Dictionary<string, string> { ["Retry-After"] = "120" }));

        var result = await host.FetchAsync("/busy");

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(429, result.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Contains("Retry-After", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenServerReturns503WithHttpDate_SetsRetryAfterRelativeToClock()
    {
        await using var host = await FetcherHost.StartAsync();
        var until = host.Time.GetUtcNow().AddMinutes(10).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        host.Server.Map("/down", LoopbackResponse.StatusOnly(503, new Dictionary<string, string> { ["Retry-After"] = until }));

        var result = await host.FetchAsync("/down");

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(503, result.HttpStatus);
        Assert.Equal(TimeSpan.FromMinutes(10), result.RetryAfter);
    }

    [Fact]
    public async Task FetchAsync_WhenServerKeepsReturning500_FailsAndBackoffGrowsToCap()
    {
        await using var host = await FetcherHost.StartAsync();
        host.Server.Map("/broken", LoopbackResponse.StatusOnly(500));
        var interval = TimeSpan.FromMinutes(15);
        var cap = TimeSpan.FromMinutes(90);

        var delays = new List<TimeSpan>();
        for (var failures = 1; failures <= 4; failures++)
        {
            var result = await host.FetchAsync("/broken");
            Assert.Equal(FetchStatus.Failed, result.Status);
            Assert.Equal(500, result.HttpStatus);
            Assert.Null(result.RetryAfter);
            delays.Add(FetchBackoff.NextDelay(failures, interval, cap, result.RetryAfter));
        }

        Assert.Equal([TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), cap, cap], delays);
    }

    [Fact]
    public async Task FetchAsync_WhenPathIsMissing_FailsWith404AndHint()
    {
        await using var host = await FetcherHost.StartAsync();

        var result = await host.FetchAsync("/nothing-here.xml");

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(404, result.HttpStatus);
        Assert.Contains("check the source URL", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenNothingListensOnPort_FailsWithReachabilityHint()
    {
        await using var host = await FetcherHost.StartAsync();

        // Bound but never listening: the port stays reserved, and connecting to it is refused at once.
        using var closed = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        closed.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)closed.LocalEndPoint!).Port}/feed.xml";

        var result = await host.Fetcher.FetchAsync(new FetchRequest(url), TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Null(result.HttpStatus);
        Assert.Contains("check the URL and that the server is reachable", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenConfigured_SendsUserAgentAndFeedAcceptHeader()
    {
        await using var host = await FetcherHost.StartAsync(o => o.UserAgent = "BotHost-UA-Check/2.0");
        host.Server.Map("/ua.xml", LoopbackResponse.Text(Rss));

        await host.FetchAsync("/ua.xml");

        var request = Assert.Single(host.Server.RequestsTo("/ua.xml"));
        Assert.Equal("BotHost-UA-Check/2.0", request.Header("User-Agent"));
        Assert.Contains("application/rss+xml", request.Header("Accept"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenLocationHasUnsupportedScheme_FailsNamingAllowedSchemes()
    {
        await using var host = await FetcherHost.StartAsync();

        var result = await host.Fetcher.FetchAsync(new FetchRequest("ftp://127.0.0.1/feed.xml"), TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Contains("use http://, https://, file://", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenHostSlotIsHeld_SendsNothingUntilReleased()
    {
        await using var host = await FetcherHost.StartAsync();
        host.Server.Map("/feed.xml", LoopbackResponse.Text(Rss));
        var held = await host.Limiter.AcquireAsync("127.0.0.1", TestContext.Current.CancellationToken);

        var fetch = host.FetchAsync("/feed.xml");
        var queued = host.Limiter.UsersOf("127.0.0.1") == 2;
        var requestsWhileHeld = host.Server.Requests.Count;
        held.Dispose();
        var result = await fetch.WaitAsync(FetcherHost.SignalTimeout, TestContext.Current.CancellationToken);

        Assert.True(queued);
        Assert.Equal(0, requestsWhileHeld);
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Single(host.Server.Requests);
    }
}
