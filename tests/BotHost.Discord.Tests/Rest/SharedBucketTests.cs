using BotHost.Discord.Models;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

/// <summary>
/// Edit and delete of a message answer the same X-RateLimit-Bucket on the fake, as shared routes do on Discord.
/// Once the client has learned both routes map to that hash, it must count them as one bucket.
/// </summary>
public sealed class SharedBucketTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EditAfterDelete_OnRoutesSharingABucket_WaitsForTheSharedResetInsteadOf429()
    {
        var time = new FakeTimeProvider();
        await using var server = await FakeDiscordServer.StartAsync(time, Ct);
        server.Rest.Options.BucketLimit = 2;
        server.Rest.Options.BucketWindow = TimeSpan.FromSeconds(5);
        using var sut = new RestClientUnderTest(server, time);
        var first = await sut.Client.CreateMessageAsync(5, new MessageCreate { Content = "a" }, Ct);
        var second = await sut.Client.CreateMessageAsync(5, new MessageCreate { Content = "b" }, Ct);

        await sut.Client.EditMessageAsync(5, first.Id, new MessageEdit { Content = "a2" }, Ct);
        await sut.Client.DeleteMessageAsync(5, second.Id, Ct);
        var edit = sut.Client.EditMessageAsync(5, first.Id, new MessageEdit { Content = "a3" }, Ct);
        var sentBeforeReset = edit.IsCompleted || server.Rest.Requests.Count > 4;
        time.Advance(TimeSpan.FromSeconds(5));
        await edit.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.False(sentBeforeReset);
        Assert.Equal(0, server.Rest.RateLimitedCount);
        var writes = server.Rest.Requests.Where(r => r.Method is "PATCH" or "DELETE").OrderBy(r => r.ReceivedAt).ToList();
        Assert.Equal(["PATCH", "DELETE", "PATCH"], writes.Select(r => r.Method));
        Assert.Equal(TimeSpan.FromSeconds(5), writes[2].ReceivedAt - writes[0].ReceivedAt);
        Assert.Contains(sut.Logs.Lines, l => l.Contains($"uses rate-limit bucket {FakeDiscordServer.MessageWriteBucket}", StringComparison.Ordinal) && l.Contains("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteAfterEdit_WhenTheSharedBucketIsKnownExhausted_WaitsEvenOnItsFirstLearnedRequest()
    {
        var time = new FakeTimeProvider();
        await using var server = await FakeDiscordServer.StartAsync(time, Ct);
        server.Rest.Options.BucketLimit = 2;
        server.Rest.Options.BucketWindow = TimeSpan.FromSeconds(5);
        using var sut = new RestClientUnderTest(server, time);
        var messages = new List<Message>();
        for (var i = 0; i < 3; i++)
        {
            messages.Add(await sut.Client.CreateMessageAsync(6, new MessageCreate { Content = $"m{i}" }, Ct));
            if (i == 1)
            {
                time.Advance(TimeSpan.FromSeconds(5));
            }
        }

        // Learn that DELETE shares the edit bucket, then let the window pass so the next round starts fresh.
        await sut.Client.DeleteMessageAsync(6, messages[0].Id, Ct);
        time.Advance(TimeSpan.FromSeconds(5));
        await sut.Client.EditMessageAsync(6, messages[1].Id, new MessageEdit { Content = "x" }, Ct);
        await sut.Client.EditMessageAsync(6, messages[1].Id, new MessageEdit { Content = "y" }, Ct);
        var delete = sut.Client.DeleteMessageAsync(6, messages[2].Id, Ct);
        var sentBeforeReset = delete.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(5));
        await delete.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.False(sentBeforeReset);
        Assert.Equal(0, server.Rest.RateLimitedCount);
    }
}
