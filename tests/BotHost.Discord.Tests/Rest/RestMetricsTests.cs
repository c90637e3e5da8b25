using System.Diagnostics.Metrics;
using BotHost.Discord.Models;
using BotHost.Discord.Rest;
using BotHost.Testing.FakeDiscord;
using BotHost.Testing.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Discord.Tests.Rest;

public sealed class RestMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_AreCountedByRouteTemplateAndStatus_With429sApartAndALatencyEach()
    {
        await using var server = await FakeDiscordServer.StartAsync(cancellationToken: Ct);
        await using var services = new ServiceCollection().AddMetrics().AddSingleton<RestMetrics>().BuildServiceProvider();
        using var recorder = new MeasurementRecorder(RestMetrics.MeterName, services.GetRequiredService<IMeterFactory>());
        server.Rest.Faults.RateLimitNext(TimeSpan.FromMilliseconds(20));
        using var sut = new RestClientUnderTest(server, metrics: services.GetRequiredService<RestMetrics>());

        await sut.Client.CreateMessageAsync(9, new MessageCreate { Content = "x" }, Ct);

        const string Route = "/channels/{channel_id}/messages";
        Assert.Equal(1, recorder.Sum("bothost.discord.rest.requests", ("route", Route), ("status", "429"), ("method", "POST")));
        Assert.Equal(1, recorder.Sum("bothost.discord.rest.requests", ("route", Route), ("status", "200")));
        Assert.Equal(1, recorder.Sum("bothost.discord.rest.rate_limited", ("route", Route), ("scope", "user")));
        Assert.Equal(2, recorder.Of("bothost.discord.rest.request.duration").Count);
        Assert.All(recorder.Of("bothost.discord.rest.requests"), m => Assert.DoesNotContain("9", (string)m.Tags["route"]!, StringComparison.Ordinal));
    }
}
