using BotHost.Discord.Models;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

/// <summary>
/// Issue 9, acceptance 1: the fake stores the message and then loses the answer (dropped, 502, held past the
/// client's timeout). The client must retry with the same nonce, and Discord's nonce dedupe must leave one message.
/// </summary>
public sealed class DiscordRestClientExactlyOnceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("dropped", 0)]
    [InlineData("502", 502)]
    public async Task CreateMessageAsync_WhenAnswerIsLostAfterCommit_RetriesWithSameNonceAndPostsOnce(string fault, int firstStatus)
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        if (fault == "dropped")
        {
            server.Rest.Faults.DropAfterCommitNext(1);
        }
        else
        {
            server.Rest.Faults.FailAfterCommitNext(1, 502);
        }

        using var sut = new RestClientUnderTest(server);

        var message = await sut.Client.CreateMessageAsync(3, Digest("outbox:" + fault), Ct);

        AssertPostedOnce(server, message, attempts: 2);
        Assert.Equal([firstStatus, 200], Attempts(server).Select(r => r.Status));
    }

    [Fact]
    public async Task CreateMessageAsync_WhenAnswerHeldPastTimeoutAfterCommit_RetriesWithSameNonceAndPostsOnce()
    {
        var time = new FakeTimeProvider();
        await using var server = await FakeDiscordServer.StartAsync(time, Ct);
        server.Rest.Faults.HoldAfterCommitNext(1, TimeSpan.FromMinutes(1));
        using var sut = new RestClientUnderTest(server, time);

        var send = sut.Client.CreateMessageAsync(3, Digest("outbox:timeout"), Ct);
        await server.Rest.WaitUntilAsync(r => r.CreatedMessageCount == 1);
        time.Advance(TimeSpan.FromSeconds(5));
        await sut.Logs.WaitForAsync("(TimeoutException); retry 1 of 3").WaitAsync(Ct);
        // The fake records the abandoned attempt only once Kestrel reports the client gone, which under load can
        // come after the retry has been answered; the retry is released only when that record exists.
        await server.Rest.WaitUntilAsync(r => r.Requests.Count == 1);
        time.Advance(TimeSpan.FromMilliseconds(10));
        var message = await send.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        AssertPostedOnce(server, message, attempts: 2);
        Assert.True(Attempts(server)[0].Committed);
        Assert.Equal([0, 200], Attempts(server).Select(r => r.Status));
    }

    [Fact]
    public async Task CreateMessageAsync_WhenEveryAnswerIsLostAfterCommit_GivesUpAfterBoundedRetriesWithOneMessage()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        server.Rest.Faults.FailAfterCommitNext(10, 503);
        using var sut = new RestClientUnderTest(server, configure: o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<Discord.Rest.DiscordHttpException>(() => sut.Client.CreateMessageAsync(3, Digest("outbox:503"), Ct));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.Status);
        Assert.Equal(3, Attempts(server).Count);
        Assert.Single(Attempts(server).Select(r => r.Nonce).Distinct());
        Assert.Single(server.Rest.Messages);
    }

    private static MessageCreate Digest(string key)
        => new() { Content = "digest part 1", Nonce = MessageNonce.FromStableKey(key), EnforceNonce = true };

    private static List<FakeRestRequest> Attempts(FakeDiscordServer server)
        => [.. server.Rest.Requests.Where(r => r.Path == "/api/v10/channels/3/messages").OrderBy(r => r.ReceivedAt)];

    private static void AssertPostedOnce(FakeDiscordServer server, Message message, int attempts)
    {
        var requests = Attempts(server);
        Assert.Equal(attempts, requests.Count);
        Assert.All(requests, r => Assert.Equal(message.Nonce, r.Nonce));
        Assert.NotNull(message.Nonce);
        var stored = Assert.Single(server.Rest.Messages);
        Assert.Equal(stored.Id, message.Id);
        Assert.Equal(1, server.Rest.CreatedMessageCount);
    }
}
