using System.Net;
using System.Text;
using BotHost.Discord.Models;
using BotHost.Discord.Rest;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private FakeDiscordServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateMessageAsync_SendsBotAuthorizationUserAgentAndJsonWithoutPings()
    {
        using var sut = new RestClientUnderTest(_server);

        var message = await sut.Client.CreateMessageAsync(42, new MessageCreate { Content = "hello" }, Ct);

        var request = Assert.Single(_server.Rest.Requests);
        Assert.Equal("Bot fake-bot-token", request.Authorization);
        Assert.Matches(@"^DiscordBot \(https://example\.test/bothost, \d+\.\d+\.\d+\)$", request.UserAgent);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("/api/v10/channels/42/messages", request.Path);
        Assert.Contains("\"allowed_mentions\":{\"parse\":[]}", request.Body, StringComparison.Ordinal);
        Assert.Equal(42UL, message.ChannelId);
        Assert.Equal("hello", message.Content);
        Assert.NotEqual(0UL, message.Id);
    }

    [Fact]
    public async Task CreateMessageAsync_WhenBucketExhausted_WaitsForResetInsteadOf429()
    {
        _server.Rest.Options.BucketLimit = 2;
        _server.Rest.Options.BucketWindow = TimeSpan.FromMilliseconds(300);
        using var sut = new RestClientUnderTest(_server);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => sut.Client.CreateMessageAsync(7, new MessageCreate { Content = $"m{i}" }, Ct)));

        var times = _server.Rest.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(0, _server.Rest.RateLimitedCount);
        Assert.Equal(5, _server.Rest.CreatedMessageCount);
        Assert.True(times[2] - times[0] >= TimeSpan.FromMilliseconds(300), $"third request came {(times[2] - times[0]).TotalMilliseconds} ms after the first");
        Assert.True(times[4] - times[0] >= TimeSpan.FromMilliseconds(600), $"fifth request came {(times[4] - times[0]).TotalMilliseconds} ms after the first");
    }

    [Fact]
    public async Task CreateMessageAsync_ForDifferentChannels_DoesNotShareBuckets()
    {
        _server.Rest.Options.BucketLimit = 1;
        _server.Rest.Options.BucketWindow = TimeSpan.FromSeconds(30);
        using var sut = new RestClientUnderTest(_server);

        await Task.WhenAll(Enumerable.Range(1, 4).Select(c => sut.Client.CreateMessageAsync((ulong)c, new MessageCreate { Content = "x" }, Ct)));

        Assert.Equal(4, _server.Rest.CreatedMessageCount);
        Assert.Equal(0, _server.Rest.RateLimitedCount);
    }

    [Fact]
    public async Task CreateMessageAsync_UnderGlobalLimit_SpreadsRequestsWithout429()
    {
        _server.Rest.Options.GlobalLimit = 4;
        using var sut = new RestClientUnderTest(_server, configure: o => o.GlobalRequestsPerSecond = 4);

        await Task.WhenAll(Enumerable.Range(1, 6).Select(c => sut.Client.CreateMessageAsync((ulong)c, new MessageCreate { Content = "x" }, Ct)));

        var times = _server.Rest.Requests.Select(r => r.ReceivedAt).Order().ToList();
        Assert.Equal(0, _server.Rest.RateLimitedCount);
        Assert.True(times[4] - times[0] >= TimeSpan.FromSeconds(1), $"fifth request came {(times[4] - times[0]).TotalMilliseconds} ms after the first");
    }

    [Fact]
    public async Task CreateMessageAsync_When429_WaitsRetryAfterThenSucceedsAndCountsInvalid()
    {
        _server.Rest.Faults.RateLimitNext(TimeSpan.FromMilliseconds(250));
        using var sut = new RestClientUnderTest(_server);

        await sut.Client.CreateMessageAsync(9, new MessageCreate { Content = "x" }, Ct);

        var requests = _server.Rest.Requests.OrderBy(r => r.ReceivedAt).ToList();
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(250));
        Assert.Equal(1, sut.Client.InvalidRequestCount);
    }

    [Fact]
    public async Task CreateMessageAsync_WhenGlobal429_PausesOtherRoutesToo()
    {
        var time = new FakeTimeProvider();
        await using var server = await FakeDiscordServer.StartAsync(time, Ct);
        server.Rest.Faults.RateLimitNext(TimeSpan.FromMilliseconds(300), global: true, scope: "global");
        using var sut = new RestClientUnderTest(server, time);

        var message = sut.Client.CreateMessageAsync(1, new MessageCreate { Content = "x" }, Ct);
        await sut.Logs.WaitForAsync("429 on POST").WaitAsync(Ct);
        var other = sut.Client.GetCurrentApplicationAsync(Ct);
        var otherSentDuringPause = sut.Logs.Lines.Any(l => l.Contains("Sending GET", StringComparison.Ordinal));
        var seenDuringPause = server.Rest.TotalRequests;
        time.Advance(TimeSpan.FromMilliseconds(299));
        var otherSentBeforePauseEnds = sut.Logs.Lines.Any(l => l.Contains("Sending GET", StringComparison.Ordinal));
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(message, other).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.False(otherSentDuringPause);
        Assert.False(otherSentBeforePauseEnds);
        Assert.Equal(1, seenDuringPause);
        var requests = server.Rest.Requests.OrderBy(r => r.ReceivedAt).ToList();
        Assert.Equal(3, requests.Count);
        var rateLimited = Assert.Single(requests, r => r.Status == 429);
        var get = Assert.Single(requests, r => r.Path == "/api/v10/applications/@me");
        Assert.True(get.ReceivedAt - rateLimited.ReceivedAt >= TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task CreateMessageAsync_WhenShared429_DoesNotCountAsInvalid()
    {
        _server.Rest.Faults.RateLimitNext(TimeSpan.FromMilliseconds(50), scope: "shared");
        using var sut = new RestClientUnderTest(_server);

        await sut.Client.CreateMessageAsync(9, new MessageCreate { Content = "x" }, Ct);

        Assert.Equal(1, _server.Rest.RateLimitedCount);
        Assert.Equal(0, sut.Client.InvalidRequestCount);
    }

    [Fact]
    public async Task CreateMessageAsync_When5xxTwice_RetriesAndPostsOnce()
    {
        _server.Rest.Faults.FailAfterCommitNext(1, 500);
        _server.Rest.Faults.FailAfterCommitNext(1, 502);
        using var sut = new RestClientUnderTest(_server);

        var message = await sut.Client.CreateMessageAsync(3, new MessageCreate { Content = "x", Nonce = MessageNonce.FromStableKey("outbox:5xx"), EnforceNonce = true }, Ct);

        var requests = _server.Rest.Requests.OrderBy(r => r.ReceivedAt).ToList();
        Assert.Equal([500, 502, 200], requests.Select(r => r.Status));
        Assert.All(requests, r => Assert.Equal(MessageNonce.FromStableKey("outbox:5xx"), r.Nonce));
        Assert.Equal(message.Id, Assert.Single(_server.Rest.Messages).Id);
    }

    [Fact]
    public async Task CreateMessageAsync_When5xxOutlastsRetries_ThrowsWithStatus()
    {
        _server.Rest.Faults.FailNext(10, 503);
        using var sut = new RestClientUnderTest(_server, configure: o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.CreateMessageAsync(3, new MessageCreate { Content = "x", Nonce = "n-outlast", EnforceNonce = true }, Ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(3, _server.Rest.TotalRequests);
    }

    [Fact]
    public async Task CreateMessageAsync_When5xxAfterCommitWithoutNonce_DoesNotRetry()
    {
        _server.Rest.Faults.FailAfterCommitNext(1, 500);
        using var sut = new RestClientUnderTest(_server);

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.CreateMessageAsync(3, new MessageCreate { Content = "x" }, Ct));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(1, _server.Rest.TotalRequests);
        Assert.Single(_server.Rest.Messages);
        Assert.Contains(sut.Logs.Entries, e => e.EventId == 2108);
    }

    [Fact]
    public async Task CreateMessageAsync_When5xxAfterCommitWithNonceButNotEnforced_DoesNotRetry()
    {
        _server.Rest.Faults.FailAfterCommitNext(1, 500);
        using var sut = new RestClientUnderTest(_server);

        await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.CreateMessageAsync(3, new MessageCreate { Content = "x", Nonce = "n-loose" }, Ct));

        Assert.Equal(1, _server.Rest.TotalRequests);
        Assert.Single(_server.Rest.Messages);
    }

    [Fact]
    public async Task CreateMessageAsync_When5xxAfterCommitWithEnforcedNonce_RetriesAndPostsOnce()
    {
        _server.Rest.Faults.FailAfterCommitNext(1, 500);
        using var sut = new RestClientUnderTest(_server);

        await sut.Client.CreateMessageAsync(3, new MessageCreate { Content = "x", Nonce = "n-enforced", EnforceNonce = true }, Ct);

        Assert.Equal(2, _server.Rest.TotalRequests);
        Assert.All(_server.Rest.Requests, r => Assert.Equal("n-enforced", r.Nonce));
        Assert.Single(_server.Rest.Messages);
    }

    [Fact]
    public async Task GetCurrentApplicationAsync_When5xx_Retries()
    {
        _server.Rest.Faults.FailNext(1, 502);
        using var sut = new RestClientUnderTest(_server);

        await sut.Client.GetCurrentApplicationAsync(Ct);

        Assert.Equal(2, _server.Rest.TotalRequests);
    }

    [Fact]
    public async Task CreateMessageAsync_WhenConnectionDroppedAfterCommit_RetriesAndNonceKeepsOneMessage()
    {
        _server.Rest.Faults.DropAfterCommitNext(1);
        using var sut = new RestClientUnderTest(_server);
        var create = new MessageCreate { Content = "x", Nonce = MessageNonce.FromStableKey("outbox:1"), EnforceNonce = true };

        await sut.Client.CreateMessageAsync(3, create, Ct);

        Assert.Equal(2, _server.Rest.TotalRequests);
        Assert.All(_server.Rest.Requests, r => Assert.Equal(create.Nonce, r.Nonce));
        Assert.Single(_server.Rest.Messages);
    }

    [Fact]
    public async Task CreateMessageAsync_When401_DoesNotRetryAndStopsUsingTheToken()
    {
        using var sut = new RestClientUnderTest(_server, token: "wrong-token");

        var first = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.CreateMessageAsync(3, new MessageCreate { Content = "x" }, Ct));
        var second = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.CreateMessageAsync(3, new MessageCreate { Content = "x" }, Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, first.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, second.Status);
        Assert.Equal(1, _server.Rest.TotalRequests);
        Assert.Equal(1, sut.Client.InvalidRequestCount);
    }

    [Fact]
    public async Task CreateMessageAsync_When403_DoesNotRetryAndCountsInvalid()
    {
        _server.Rest.Faults.FailNext(1, 403);
        using var sut = new RestClientUnderTest(_server);

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.CreateMessageAsync(3, new MessageCreate { Content = "x" }, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal(1, _server.Rest.TotalRequests);
        Assert.Equal(1, sut.Client.InvalidRequestCount);
    }

    [Fact]
    public async Task CreateMessageAsync_WhenSameNonceSentTwice_ReturnsTheFirstMessage()
    {
        using var sut = new RestClientUnderTest(_server);
        var create = new MessageCreate { Content = "digest", Nonce = MessageNonce.FromStableKey("outbox:77"), EnforceNonce = true };

        var first = await sut.Client.CreateMessageAsync(5, create, Ct);
        var second = await sut.Client.CreateMessageAsync(5, create, Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, _server.Rest.CreatedMessageCount);
        Assert.Equal(create.Nonce, first.Nonce);
    }

    [Fact]
    public async Task SendAsync_WhenServerRejectsTheForm_ThrowsWithFlattenedFieldErrors()
    {
        using var sut = new RestClientUnderTest(_server);
        var route = DiscordRoute.Create(HttpMethod.Post, "/channels/{channel_id}/messages", "5");
        var body = Encoding.UTF8.GetBytes($$"""{"embeds":[{"title":"{{new string('a', 300)}}"}]}""");

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.SendAsync(route, body, Ct));

        Assert.Equal(50035, error.Code);
        var field = Assert.Single(error.FieldErrors);
        Assert.Equal("embeds[0].title", field.Path);
        Assert.Contains("embeds[0].title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMessageAsync_WhenPayloadBreaksALimit_ThrowsBeforeSending()
    {
        using var sut = new RestClientUnderTest(_server);

        var error = await Assert.ThrowsAsync<DiscordValidationException>(() => sut.Client.CreateMessageAsync(5, new MessageCreate { Content = new string('a', 2001) }, Ct));

        Assert.Equal("content", error.FieldPath);
        Assert.Equal(0, _server.Rest.TotalRequests);
    }

    [Fact]
    public async Task EditAndDeleteMessageAsync_ChangeTheStoredMessage()
    {
        using var sut = new RestClientUnderTest(_server);
        var created = await sut.Client.CreateMessageAsync(5, new MessageCreate { Content = "v1" }, Ct);

        var edited = await sut.Client.EditMessageAsync(5, created.Id, new MessageEdit { Content = "v2", Embeds = [new Embed { Title = "t", Color = 0x00FF00 }] }, Ct);
        await sut.Client.DeleteMessageAsync(5, created.Id, Ct);

        Assert.Equal("v2", edited.Content);
        Assert.Equal("t", Assert.Single(edited.Embeds!).Title);
        Assert.NotNull(edited.EditedTimestamp);
        Assert.True(Assert.Single(_server.Rest.Messages).Deleted);
    }

    [Fact]
    public async Task DeleteMessageAsync_WhenMessageUnknown_ThrowsWithDiscordCode()
    {
        using var sut = new RestClientUnderTest(_server);

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.DeleteMessageAsync(5, 12345, Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Equal(10008, error.Code);
        Assert.Equal(1, _server.Rest.TotalRequests);
    }

    [Fact]
    public async Task GetGatewayBotAndApplication_ReadTheirPayloads()
    {
        _server.Rest.Options.GatewayUrl = "ws://127.0.0.1:1234";
        using var sut = new RestClientUnderTest(_server);

        var gateway = await sut.Client.GetGatewayBotAsync(Ct);
        var application = await sut.Client.GetCurrentApplicationAsync(Ct);

        Assert.Equal("ws://127.0.0.1:1234", gateway.Url);
        Assert.Equal(1, gateway.Shards);
        Assert.Equal(999, gateway.SessionStartLimit.Remaining);
        Assert.Equal(14_400_000, gateway.SessionStartLimit.ResetAfter);
        Assert.Equal(1, gateway.SessionStartLimit.MaxConcurrency);
        Assert.Equal(_server.Rest.Options.ApplicationId, application.Id);
    }

    [Fact]
    public async Task SendAsync_WhenResponseExceedsCap_Throws()
    {
        using var sut = new RestClientUnderTest(_server, configure: o => o.MaxResponseBytes = 16);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => sut.Client.GetGatewayBotAsync(Ct));

        Assert.Contains("MaxResponseBytes", error.Message, StringComparison.Ordinal);
    }
}
