using System.Net;
using System.Text;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.FakeDiscord;

/// <summary>The fake's interaction routes go through the same checks as the rest of its REST API and record every request.</summary>
public sealed class FakeInteractionRoutesTests : IAsyncLifetime
{
    private const string BotAgent = "DiscordBot (https://example.test, 1.0.0)";
    private readonly HttpClient _http = new();
    private FakeDiscordServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeDiscordServer.StartAsync(new FakeTimeProvider(), Ct);
        _server.IssueInteraction(1, "tok-1");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Callback_WithBrowserUserAgent_IsRefusedWith40333AndRecorded()
    {
        var status = await SendAsync(HttpMethod.Post, "/interactions/1/tok-1/callback", """{"type":4,"data":{"content":"hi"}}""", "Mozilla/5.0");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        var recorded = Assert.Single(_server.InteractionRequests);
        Assert.Equal((403, 40333), (recorded.Status, recorded.ErrorCode));
    }

    [Theory]
    [InlineData("""{"type":8,"data":{"choices":[CHOICES]}}""", "26 autocomplete choices")]
    [InlineData("""{"type":4,"data":{"content":"LONG"}}""", "2001-character content")]
    [InlineData("""{"type":9,"data":{"custom_id":"m","title":"TITLE","components":[{"type":1,"components":[]}]}}""", "46-character modal title")]
    [InlineData("""{"type":5,"data":{"flags":4}}""", "a defer with a flag other than EPHEMERAL")]
    [InlineData("""{"type":3}""", "an unknown callback type")]
    public async Task Callback_BreakingDiscordsLimits_IsRefusedWith50035AndLeavesTheInteractionUnacknowledged(string template, string what)
    {
        var body = template
            .Replace("CHOICES", string.Join(',', Enumerable.Range(0, 26).Select(i => $$"""{"name":"c{{i}}","value":"v{{i}}"}""")), StringComparison.Ordinal)
            .Replace("LONG", new string('x', 2001), StringComparison.Ordinal)
            .Replace("TITLE", new string('t', 46), StringComparison.Ordinal);

        var refused = await SendAsync(HttpMethod.Post, "/interactions/1/tok-1/callback", body);
        var accepted = await SendAsync(HttpMethod.Post, "/interactions/1/tok-1/callback", """{"type":4,"data":{"content":"fixed"}}""");

        Assert.True(refused == HttpStatusCode.BadRequest, what);
        Assert.Equal(HttpStatusCode.NoContent, accepted);
        Assert.Equal([50035, null], _server.InteractionRequests.Select(r => r.ErrorCode));
    }

    [Fact]
    public async Task SecondCallback_IsRefusedWith40060AndBothAreRecorded()
    {
        await SendAsync(HttpMethod.Post, "/interactions/1/tok-1/callback", """{"type":5}""");

        var second = await SendAsync(HttpMethod.Post, "/interactions/1/tok-1/callback", """{"type":4,"data":{"content":"again"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, second);
        Assert.Equal([(204, (int?)null), (400, 40060)], _server.InteractionRequests.Select(r => (r.Status, r.ErrorCode)));
    }

    [Fact]
    public async Task FollowupAndEdits_AreValidatedAndEditsOfUnknownFollowupsAreRefused()
    {
        await SendAsync(HttpMethod.Post, "/interactions/1/tok-1/callback", """{"type":5}""");

        var tooLong = await SendAsync(HttpMethod.Post, "/webhooks/4242/tok-1?wait=true", $$"""{"content":"{{new string('x', 2001)}}"}""");
        var empty = await SendAsync(HttpMethod.Post, "/webhooks/4242/tok-1?wait=true", "{}");
        var unknownFollowup = await SendAsync(HttpMethod.Patch, "/webhooks/4242/tok-1/messages/123", """{"content":"x"}""");
        var original = await SendAsync(HttpMethod.Patch, "/webhooks/4242/tok-1/messages/@original", """{"content":"done"}""");

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.OK], [tooLong, empty, unknownFollowup, original]);
        Assert.Equal(
            [(FakeInteractionRoute.Followup, 50035), (FakeInteractionRoute.Followup, 50006), (FakeInteractionRoute.EditFollowup, 10008), (FakeInteractionRoute.EditOriginal, (int?)null)],
            _server.InteractionRequests.Skip(1).Select(r => (r.Route, r.ErrorCode)));
        Assert.All(_server.InteractionRequests.Skip(1), r => Assert.Equal(1UL, r.InteractionId));
    }

    [Fact]
    public async Task Callback_WhenForcedRateLimit_Answers429WithRetryAfterAndIsRecorded()
    {
        _server.Rest.Faults.RateLimitNext(TimeSpan.FromSeconds(1));

        var status = await SendAsync(HttpMethod.Post, "/interactions/1/tok-1/callback", """{"type":4,"data":{"content":"hi"}}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal(429, Assert.Single(_server.InteractionRequests).Status);
    }

    private async Task<HttpStatusCode> SendAsync(HttpMethod method, string path, string body, string userAgent = BotAgent)
    {
        using var request = new HttpRequestMessage(method, _server.ApiBaseUri + path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        using var response = await _http.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
