using BotHost.Core.Collecting;
using BotHost.Core.Delivery;
using BotHost.Core.Digests;
using BotHost.Core.Sources;
using BotHost.Core.Stories;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using BotHost.Testing.Feeds;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Sources;

/// <summary>
/// Guild A's own feed ("Team Private") carries a story only it has and one the configured "Blog" also carries; the
/// configured "Everyone" feed is one guild A had added too. Guild B, and a DM, must see neither A's feed nor its name.
/// </summary>
public sealed class GuildSourceVisibilityTests
{
    private const ulong GuildA = 100;
    private const ulong GuildB = 200;
    private const string PrivateOnly = "Our private migration notes";
    private const string Shared = "Shared launch story for everyone";
    private const string Everyone = "A story from the feed everyone follows";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(CoreTestHost Host, LoopbackFeedServer Server)> CollectedAsync()
    {
        var server = await LoopbackFeedServer.StartAsync(Ct);
        server.Map("/private", LoopbackResponse.Text(Rss("Team Private",
            new Entry("p1", PrivateOnly, "https://team.example/notes", Description: "How we moved the launch database."),
            new Entry("p2", Shared, "https://news.example/launch", Description: "The launch database is out."),
            new Entry("p3", "Tiny", "https://team.example/tiny"))));
        server.Map("/both", LoopbackResponse.Text(Rss("Everyone", new Entry("b1", Everyone, "https://both.example/post", Description: "The launch database for all."))));
        var host = await CoreTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Feeds:AllowPrivateAddresses"] = "true",
            ["Sources:AllowGuildSources"] = "true",
            ["Digests:MaxPerSource"] = "25",
        });
        host.WriteFeed("blog.xml", Rss("Blog", new Entry("c1", Shared, "https://news.example/launch", Description: "The launch database is out.")));
        host.WriteSourceUrls(("Blog", new Uri(Path.Combine(host.Directory, "blog.xml"))), ("Everyone", server.Url("/both")));
        var added = await host.Services.GetRequiredService<GuildSourceService>().AddAsync(GuildA, server.Url("/private").ToString(), null, null, 5, Ct);
        Assert.True(added.Succeeded, added.Error);

        // Guild A added this feed before the operator listed it (adding a configured feed is refused now).
        await host.ExecuteAsync($"INSERT INTO guild_sources(guild_id, name, url, added_at) VALUES ({GuildA}, 'Our Copy', '{server.Url("/both")}', 0)");
        await host.CollectAllAsync();
        await ActivatorUtilities.CreateInstance<GuildSourceCollector>(host.Services).CollectDueAsync(TimeSpan.FromMinutes(15), Ct);
        return (host, server);
    }

    [Fact]
    public async Task Digest_OfAnotherGuild_LeavesOutStoriesOnlyAGuildsOwnFeedCarried_AndNeverNamesIt()
    {
        var (host, server) = await CollectedAsync();
        await using var _ = server;
        await using var __ = host;

        var forA = await PreviewAsync(host, GuildA);
        var forB = await PreviewAsync(host, GuildB);

        Assert.Equal([Everyone, PrivateOnly, Shared], forA.Select(e => e.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["Blog", "Team Private"], SourcesOf(forA, Shared).Order(StringComparer.Ordinal));
        Assert.Equal(["Team Private"], SourcesOf(forA, PrivateOnly));
        Assert.Equal([Everyone, Shared], forB.Select(e => e.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["Blog"], SourcesOf(forB, Shared));
        Assert.Equal(["Everyone"], SourcesOf(forB, Everyone));
        Assert.Equal(["Everyone"], SourcesOf(forA, Everyone));
    }

    [Fact]
    public async Task SearchAndLatest_OfAnotherGuildOrADm_LeaveOutStoriesOnlyAGuildsOwnFeedCarried_AndNeverNameIt()
    {
        var (host, server) = await CollectedAsync();
        await using var _ = server;
        await using var __ = host;
        var queries = host.Services.GetRequiredService<StoryQueries>();

        var searchA = await queries.SearchAsync("launch", null, null, 10, GuildA, Ct);
        var latestA = await queries.LatestAsync(null, CoreTestHost.Start.AddDays(-7), 10, GuildA, Ct);
        foreach (var guild in new ulong?[] { GuildB, null })
        {
            var search = await queries.SearchAsync("launch", null, null, 10, guild, Ct);
            var latest = await queries.LatestAsync(null, CoreTestHost.Start.AddDays(-7), 10, guild, Ct);
            var shared = await queries.GetManyAsync([.. searchA.Stories.Select(s => s.StoryId)], guild, Ct, collectedOnly: true);

            foreach (var shown in new[] { search.Stories, latest.Stories, shared })
            {
                Assert.Equal([Everyone, Shared], shown.Select(s => s.Title).Order(StringComparer.Ordinal));
                Assert.Equal(["Blog"], shown.Single(s => s.Title == Shared).Sources);
                Assert.Equal(["Everyone"], shown.Single(s => s.Title == Everyone).Sources);
            }
        }

        foreach (var shown in new[] { searchA.Stories, latestA.Stories })
        {
            Assert.Equal([Everyone, PrivateOnly, Shared], shown.Select(s => s.Title).Order(StringComparer.Ordinal));
            Assert.Equal(["Blog", "Team Private"], shown.Single(s => s.Title == Shared).Sources.Order(StringComparer.Ordinal));
            Assert.Equal(["Everyone"], shown.Single(s => s.Title == Everyone).Sources);
        }
    }

    [Fact]
    public async Task Explain_InAnotherGuild_NeitherShowsNorNamesAGuildsOwnFeed_NorWhatCurationDroppedFromIt()
    {
        var (host, server) = await CollectedAsync();
        await using var _ = server;
        await using var __ = host;
        var explainer = host.Services.GetRequiredService<StoryExplainer>();

        var privateForB = await explainer.ExplainAsync(new ChannelKey(GuildB, 1), "https://team.example/notes", null, Ct);
        var sharedForB = await explainer.ExplainAsync(new ChannelKey(GuildB, 1), "https://news.example/launch", null, Ct);
        var privateForA = await explainer.ExplainAsync(new ChannelKey(GuildA, 1), "https://team.example/notes", null, Ct);
        var sharedForA = await explainer.ExplainAsync(new ChannelKey(GuildA, 1), "https://news.example/launch", null, Ct);
        var droppedForB = await explainer.ExplainAsync(new ChannelKey(GuildB, 1), "https://team.example/tiny", null, Ct);
        var droppedForA = await explainer.ExplainAsync(new ChannelKey(GuildA, 1), "https://team.example/tiny", null, Ct);

        Assert.StartsWith("BotHost has not collected <https://team.example/notes>", privateForB, StringComparison.Ordinal);
        Assert.Contains("Sources: Blog (", sharedForB, StringComparison.Ordinal);
        Assert.DoesNotContain("Team Private", sharedForB, StringComparison.Ordinal);
        Assert.Contains(PrivateOnly, privateForA, StringComparison.Ordinal);
        Assert.Contains("Team Private", sharedForA, StringComparison.Ordinal);
        Assert.StartsWith("BotHost has not collected <https://team.example/tiny>", droppedForB, StringComparison.Ordinal);
        Assert.Contains("Team Private had \"Tiny\"", droppedForA, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenGuildSourcesAreTurnedOff_WhatTheyCollectedStaysHiddenFromOtherGuilds()
    {
        var (host, server) = await CollectedAsync();
        await using var _ = server;
        await host.StopAsync();
        await using var off = await CoreTestHost.StartAsync(host.Directory, host.Time, new Dictionary<string, string?> { ["Sources:AllowGuildSources"] = "false" });
        var queries = off.Services.GetRequiredService<StoryQueries>();

        var latestB = await queries.LatestAsync(null, CoreTestHost.Start.AddDays(-7), 10, GuildB, Ct);
        var digestB = await PreviewAsync(off, GuildB);

        Assert.Equal([Everyone, Shared], latestB.Stories.Select(s => s.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["Blog"], latestB.Stories.Single(s => s.Title == Shared).Sources);
        Assert.Equal([Everyone, Shared], digestB.Select(e => e.Title).Order(StringComparer.Ordinal));
    }

    private static async Task<IReadOnlyList<DigestEntry>> PreviewAsync(CoreTestHost host, ulong guild)
    {
        var subscribed = await host.Services.GetRequiredService<SubscriptionService>().SubscribeAsync(new ChannelKey(guild, 1), new SubscriptionRequest { Size = 25 }, Ct);
        var preview = await host.Services.GetRequiredService<DigestRunner>().PreviewAsync(subscribed.Subscription ?? throw new InvalidOperationException(subscribed.Error), Ct);
        return preview.Selection!.Digest.Entries;
    }

    private static IReadOnlyList<string> SourcesOf(IReadOnlyList<DigestEntry> entries, string title)
    {
        var entry = entries.Single(e => e.Title == title);
        return [entry.Source, .. entry.AlsoOn];
    }
}
