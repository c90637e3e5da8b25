using BotHost.Core.Sources;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Feeds;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Sources;

public sealed class GuildSourceServiceTests
{
    private const ulong Guild = 100;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<CoreTestHost> StartAsync(bool allowed = true) => CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Feeds:AllowPrivateAddresses"] = "true",
        ["Sources:AllowGuildSources"] = allowed ? "true" : "false",
    });

    [Fact]
    public async Task Add_FetchesTheFeedOnceChecksItAndMakesItNameableInThatGuildOnly()
    {
        await using var server = await LoopbackFeedServer.StartAsync(Ct);
        server.Map("/feed", LoopbackResponse.Text(Rss("Team Blog", new Entry("a", "Our migration to Postgres", "https://team.example/pg"))));
        await using var host = await StartAsync();
        host.WriteSources(("Hacker News", "hn.xml"));
        var service = host.Services.GetRequiredService<GuildSourceService>();

        var added = await service.AddAsync(Guild, server.Url("/feed").ToString(), null, null, 5, Ct);
        var names = host.Services.GetRequiredService<SourceNames>();
        var subscribed = await host.Services.GetRequiredService<SubscriptionService>().SubscribeAsync(new ChannelKey(Guild, 1), new SubscriptionRequest { Sources = "team blog" }, Ct);
        var elsewhere = await host.Services.GetRequiredService<SubscriptionService>().SubscribeAsync(new ChannelKey(999, 1), new SubscriptionRequest { Sources = "Team Blog" }, Ct);

        Assert.True(added.Succeeded, added.Error);
        Assert.Equal(("Team Blog", 1), (added.Source!.Name, added.ItemCount));
        Assert.Single(server.RequestsTo("/feed"));
        Assert.Equal(["Hacker News", "Team Blog"], await names.ForGuildAsync(Guild, Ct));
        Assert.Equal(["Hacker News"], await names.ForGuildAsync(999, Ct));
        Assert.Equal(["Team Blog"], subscribed.Subscription!.Sources);
        Assert.StartsWith("Unknown source 'Team Blog'", elsewhere.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_OfAPageThatIsNotAFeed_OrTwice_OrWhenOff_IsRefusedAndStoresNothing()
    {
        await using var server = await LoopbackFeedServer.StartAsync(Ct);
        server.Map("/page", LoopbackResponse.Text("<html><head><title>x</title></head><body>hi</body></html>", "text/html"));
        server.Map("/feed", LoopbackResponse.Text(Rss("Team Blog", new Entry("a", "Our migration to Postgres", "https://team.example/pg"))));
        await using var host = await StartAsync();
        var service = host.Services.GetRequiredService<GuildSourceService>();
        await using var offHost = await StartAsync(allowed: false);

        var page = await service.AddAsync(Guild, server.Url("/page").ToString(), null, null, 5, Ct);
        await service.AddAsync(Guild, server.Url("/feed").ToString(), "Ours", null, 5, Ct);
        var twice = await service.AddAsync(Guild, server.Url("/feed?utm_source=x").ToString(), null, null, 5, Ct);
        var badTopic = await service.AddAsync(Guild, server.Url("/feed2").ToString(), null, "cooking", 5, Ct);
        var off = await offHost.Services.GetRequiredService<GuildSourceService>().AddAsync(Guild, server.Url("/feed").ToString(), null, null, 5, Ct);

        Assert.StartsWith("That address is not a feed I can read, so it was not added:", page.Error, StringComparison.Ordinal);
        Assert.Equal("This server already has that feed, as 'Ours'.", twice.Error);
        Assert.StartsWith("This bot has no topic list", badTopic.Error, StringComparison.Ordinal);
        Assert.StartsWith("This bot does not take sources from servers", off.Error, StringComparison.Ordinal);
        Assert.Equal(1, await host.CountAsync("guild_sources"));
        Assert.Equal(0, await offHost.CountAsync("guild_sources"));
    }

    [Fact]
    public async Task Remove_TakesOnlyThisGuildsOwnSources()
    {
        await using var server = await LoopbackFeedServer.StartAsync(Ct);
        server.Map("/feed", LoopbackResponse.Text(Rss("Team Blog", new Entry("a", "Our migration to Postgres", "https://team.example/pg"))));
        await using var host = await StartAsync();
        var service = host.Services.GetRequiredService<GuildSourceService>();
        await service.AddAsync(Guild, server.Url("/feed").ToString(), null, null, 5, Ct);

        var otherGuild = await service.RemoveAsync(999, "Team Blog", Ct);
        var removed = await service.RemoveAsync(Guild, "team blog", Ct);

        Assert.StartsWith("This server has added no sources of its own", otherGuild.Error, StringComparison.Ordinal);
        Assert.Equal("Team Blog", removed.Source!.Name);
        Assert.Equal(0, await host.CountAsync("guild_sources"));
    }

    [Fact]
    public async Task Collector_CollectsAFeedTwoGuildsAddedOnce()
    {
        await using var server = await LoopbackFeedServer.StartAsync(Ct);
        server.Map("/feed", LoopbackResponse.Text(Rss("Team Blog", new Entry("a", "Our migration to Postgres", "https://team.example/pg"))));
        await using var host = await StartAsync();
        var service = host.Services.GetRequiredService<GuildSourceService>();
        await service.AddAsync(Guild, server.Url("/feed").ToString(), null, null, 5, Ct);
        await service.AddAsync(999, server.Url("/feed").ToString(), "Theirs", null, 6, Ct);
        var collector = ActivatorUtilities.CreateInstance<BotHost.Core.Collecting.GuildSourceCollector>(host.Services);

        var outcomes = await collector.CollectDueAsync(TimeSpan.FromMinutes(15), Ct);

        Assert.Equal(BotHost.Core.Collecting.CollectionStatus.Collected, Assert.Single(outcomes).Status);
        Assert.Equal(["Our migration to Postgres"], await host.QueryStringsAsync("SELECT title FROM stories"));
        Assert.Equal(3, server.RequestsTo("/feed").Count);
    }
}
