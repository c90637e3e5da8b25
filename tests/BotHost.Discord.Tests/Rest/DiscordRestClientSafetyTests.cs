using BotHost.Discord.Models;
using BotHost.Discord.Rest;
using BotHost.Testing.FakeDiscord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BotHost.Discord.Tests.Rest;

public sealed class DiscordRestClientSafetyTests : IAsyncLifetime
{
    private FakeDiscordServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateMessageAsync_WhenInvalidRequestsReachThreshold_DelaysTheNextRequest()
    {
        var time = new FakeTimeProvider();
        _server.Rest.Faults.FailNext(2, 403);
        using var sut = new RestClientUnderTest(_server, time, o =>
        {
            o.InvalidRequestThrottleThreshold = 2;
            o.InvalidRequestThrottleDelay = TimeSpan.FromSeconds(1);
        });
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.CreateMessageAsync(1, new MessageCreate { Content = "x" }, Ct));
        }

        var third = sut.Client.CreateMessageAsync(1, new MessageCreate { Content = "x" }, Ct);
        await sut.Logs.WaitForAsync("invalid requests (401/403/429) in the rolling window").WaitAsync(Ct);
        Assert.Single(sut.Logs.Entries, e => e.EventId == 2106);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, sut.Logs.Entries.Count(e => e.EventId == 2100));
        Assert.Equal(2, _server.Rest.TotalRequests);
        time.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5), Ct);

        Assert.Equal(2, sut.Client.InvalidRequestCount);
        Assert.Equal(3, _server.Rest.TotalRequests);
    }

    [Fact]
    public async Task Logs_AtTraceLevel_NeverContainTheToken()
    {
        const string token = "MTE4NjQ5.secret-token-value.xyz";
        _server.Rest.Options.Token = token;
        using var sut = new RestClientUnderTest(_server);
        _server.Rest.Faults.RateLimitNext(TimeSpan.FromMilliseconds(20));
        _server.Rest.Faults.FailNext(1, 502);
        await sut.Client.CreateMessageAsync(1, new MessageCreate { Content = "x", Nonce = "n-trace", EnforceNonce = true }, Ct);
        _server.Rest.Faults.FailNext(1, 403);
        var forbidden = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.GetGatewayBotAsync(Ct));
        _server.Rest.Options.Token = "rotated";
        var unauthorized = await Assert.ThrowsAsync<DiscordHttpException>(() => sut.Client.GetCurrentApplicationAsync(Ct));

        var lines = sut.Logs.Lines;

        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Contains("429", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("rejected the bot token", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains("secret-token", StringComparison.Ordinal));
        Assert.DoesNotContain(token, forbidden.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token, unauthorized.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDiscordRest_ResolvesOneClientAsMessengerThatPostsThroughTheFactory()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = _server.Rest.Options.Token,
            ["Discord:ApiBaseUrl"] = _server.ApiBaseUri.ToString(),
            ["Discord:Rest:GlobalRequestsPerSecond"] = "10",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddDiscordRest();
        await using var provider = services.BuildServiceProvider();

        var messenger = provider.GetRequiredService<IDiscordMessenger>();
        var message = await messenger.SendMessageAsync(8, new MessageCreate { Content = "via DI" }, Ct);

        Assert.Same(provider.GetRequiredService<DiscordRestClient>(), messenger);
        Assert.Equal("via DI", message.Content);
    }

    [Fact]
    public void Constructor_WhenTokenMissing_NamesTheSettingToFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RestClientUnderTest(_server, token: " "));

        Assert.Contains("Discord:Token", error.Message, StringComparison.Ordinal);
    }
}
