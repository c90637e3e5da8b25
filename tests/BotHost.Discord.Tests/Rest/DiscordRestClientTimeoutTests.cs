using BotHost.Discord.Models;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

public sealed class DiscordRestClientTimeoutTests
{
    [Fact]
    public async Task CreateMessageAsync_WhenAnswerHeldPastRequestTimeout_ThrowsTimeoutNamingTheSetting()
    {
        var time = new FakeTimeProvider();
        await using var server = await FakeDiscordServer.StartAsync(time, TestContext.Current.CancellationToken);
        server.Rest.Faults.HoldAfterCommitNext(1, TimeSpan.FromMinutes(1));
        using var sut = new RestClientUnderTest(server, time, o => o.MaxRetries = 0);

        var send = sut.Client.CreateMessageAsync(1, new MessageCreate { Content = "x", Nonce = "n-held", EnforceNonce = true }, TestContext.Current.CancellationToken);
        await server.Rest.WaitUntilAsync(r => r.CreatedMessageCount == 1);
        time.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1));
        var completedBeforeTimeout = send.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => send.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        Assert.False(completedBeforeTimeout);
        Assert.Contains("Discord:RequestTimeoutSeconds", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Rest.TotalRequests);
        Assert.Single(server.Rest.Messages);
    }

    [Fact]
    public async Task CreateMessageAsync_WhenTimeoutAfterCommitWithoutNonce_DoesNotRetryEvenWithRetriesLeft()
    {
        var time = new FakeTimeProvider();
        await using var server = await FakeDiscordServer.StartAsync(time, TestContext.Current.CancellationToken);
        server.Rest.Faults.HoldAfterCommitNext(1, TimeSpan.FromMinutes(1));
        using var sut = new RestClientUnderTest(server, time);

        var send = sut.Client.CreateMessageAsync(1, new MessageCreate { Content = "x" }, TestContext.Current.CancellationToken);
        await server.Rest.WaitUntilAsync(r => r.CreatedMessageCount == 1);
        time.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<TimeoutException>(() => send.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        await server.Rest.WaitUntilAsync(r => r.Requests.Count == 1);

        Assert.Contains(sut.Logs.Entries, e => e.EventId == 2108);
        Assert.Equal(1, server.Rest.TotalRequests);
        Assert.Single(server.Rest.Messages);
    }

    [Fact]
    public async Task FakeServer_WhenUserAgentIsNotABotAgent_Answers403WithCloudflareCode()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.ApiBaseUri + "/gateway/bot");
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + server.Rest.Options.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("40333", body, StringComparison.Ordinal);
    }
}
