using System.Net;
using BotHost.Discord.Models;
using BotHost.Discord.Rest;
using BotHost.Discord.Tests.Rest;
using BotHost.Testing.FakeDiscord;

namespace BotHost.Discord.Tests.Faults;

/// <summary>
/// Issue 13's Discord fault suite, REST half: a 429 storm and bursts of 5xx that lose answers after the message
/// was stored. Retries stay bounded, nothing is posted twice, and once the storm passes the same sends succeed.
/// </summary>
public sealed class DiscordRestFaultTests : IAsyncLifetime
{
    private FakeDiscordServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RateLimitStorm_GivesUpAfterBoundedRetries_ThenTheSameSendsPostOnce()
    {
        const int senders = 3;
        var rest = new DiscordRestOptions().MaxRateLimitRetries;
        for (var i = 0; i < senders * (rest + 1); i++)
        {
            _server.Rest.Faults.RateLimitNext(TimeSpan.FromMilliseconds(20));
        }

        using var sut = new RestClientUnderTest(_server);

        var storm = await Task.WhenAll(Enumerable.Range(1, senders).Select(c => OutcomeAsync(sut.Client.CreateMessageAsync((ulong)c, Part(c), Ct))));
        var after = await Task.WhenAll(Enumerable.Range(1, senders).Select(c => sut.Client.CreateMessageAsync((ulong)c, Part(c), Ct)));
        var again = await Task.WhenAll(Enumerable.Range(1, senders).Select(c => sut.Client.CreateMessageAsync((ulong)c, Part(c), Ct)));

        Assert.All(storm, e => Assert.Equal(HttpStatusCode.TooManyRequests, Assert.IsType<DiscordHttpException>(e).Status));
        Assert.Equal(senders * (rest + 1), _server.Rest.RateLimitedCount);
        Assert.Equal(senders * (rest + 1), sut.Client.InvalidRequestCount);
        Assert.Equal(senders, _server.Rest.CreatedMessageCount);
        Assert.Equal(after.Select(m => m.Id), again.Select(m => m.Id));
    }

    [Fact]
    public async Task ServerErrorBurstAfterCommit_NeverPostsAPartTwice_AndRetriesStayBounded()
    {
        const int parts = 6;
        var maxRetries = new DiscordRestOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10) }.MaxRetries;
        foreach (var status in new[] { 500, 502, 503, 502, 500, 503, 502, 500, 503, 502 })
        {
            _server.Rest.Faults.FailAfterCommitNext(1, status);
        }

        using var sut = new RestClientUnderTest(_server);

        var burst = await Task.WhenAll(Enumerable.Range(1, parts).Select(c => OutcomeAsync(sut.Client.CreateMessageAsync(10, Part(c), Ct))));
        // What an outbox does with parts whose outcome it never learned: send them again with the same nonce.
        var resent = await Task.WhenAll(Enumerable.Range(1, parts).Select(c => sut.Client.CreateMessageAsync(10, Part(c), Ct)));

        Assert.All(burst, e => Assert.True(e is null or DiscordHttpException { Status: >= HttpStatusCode.InternalServerError }, e?.ToString()));
        Assert.Equal(parts, _server.Rest.Messages.Count);
        Assert.Equal(parts, _server.Rest.Messages.Select(m => m.Nonce).Distinct().Count());
        Assert.Equal(resent.Select(m => m.Nonce), Enumerable.Range(1, parts).Select(c => Part(c).Nonce));
        // Every injected failure costs one request; a part stops after 1 + MaxRetries attempts.
        var firstRound = _server.Rest.Requests.Count - parts;
        Assert.InRange(firstRound, 10 + 1, Math.Min(parts * (maxRetries + 1), parts + 10));
    }

    [Fact]
    public async Task ServerErrorBurstWithoutNonce_IsNotRetried_SoItCanNeverDuplicate()
    {
        _server.Rest.Faults.FailAfterCommitNext(3, 502);
        using var sut = new RestClientUnderTest(_server);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 3).Select(c => OutcomeAsync(sut.Client.CreateMessageAsync((ulong)c, new MessageCreate { Content = "no nonce" }, Ct))));

        Assert.All(outcomes, e => Assert.Equal(HttpStatusCode.BadGateway, Assert.IsType<DiscordHttpException>(e).Status));
        Assert.Equal(3, _server.Rest.TotalRequests);
        Assert.Equal(3, _server.Rest.CreatedMessageCount);
    }

    private static MessageCreate Part(int index)
        => new() { Content = $"digest part {index}", Nonce = MessageNonce.FromStableKey($"digest:2026-11-25:part:{index}"), EnforceNonce = true };

    private static async Task<Exception?> OutcomeAsync(Task send)
    {
        try
        {
            await send;
            return null;
        }
        catch (Exception ex) when (ex is DiscordHttpException or HttpRequestException or TimeoutException)
        {
            return ex;
        }
    }
}
