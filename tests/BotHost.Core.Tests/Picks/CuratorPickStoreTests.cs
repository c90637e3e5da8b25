using BotHost.Core.Picks;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Picks;

public sealed class CuratorPickStoreTests
{
    private static readonly ChannelKey Channel = new(100, 200);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_TwiceInOneChannel_KeepsTheFirstPickButAnotherChannelMayPickItToo()
    {
        await using var host = await CoreTestHost.StartAsync();
        var storyId = await CollectOneStoryAsync(host);
        var picks = host.Services.GetRequiredService<CuratorPickStore>();

        var first = await picks.AddAsync(Channel, storyId, 5, "ada", "worth a read", CoreTestHost.Start, Ct);
        var second = await picks.AddAsync(Channel, storyId, 6, "bob", null, CoreTestHost.Start.AddMinutes(1), Ct);
        var elsewhere = await picks.AddAsync(new ChannelKey(100, 201), storyId, 6, "bob", null, CoreTestHost.Start, Ct);

        Assert.True(first.Added);
        Assert.False(second.Added);
        Assert.Equal(("ada", "worth a read", 5UL), (second.Pick.PickedByName, second.Pick.Note, second.Pick.PickedBy));
        Assert.True(elsewhere.Added);
        Assert.Equal(2, await host.CountAsync("curator_picks"));
    }

    [Fact]
    public async Task PicksForChannel_ReturnsOnlyThatChannelsPicksSinceTheGivenInstant()
    {
        await using var host = await CoreTestHost.StartAsync();
        var storyId = await CollectOneStoryAsync(host);
        var picks = host.Services.GetRequiredService<CuratorPickStore>();
        await picks.AddAsync(Channel, storyId, 5, "ada", "note", CoreTestHost.Start, Ct);
        await picks.AddAsync(new ChannelKey(999, 200), storyId, 5, "ada", null, CoreTestHost.Start, Ct);

        var recent = await picks.PicksForChannelAsync(Channel, CoreTestHost.Start.AddHours(-1), Ct);
        var later = await picks.PicksForChannelAsync(Channel, CoreTestHost.Start.AddHours(1), Ct);

        var pick = Assert.Single(recent);
        Assert.Equal((Channel, storyId, "ada", "note"), (pick.Channel, pick.StoryId, pick.PickedByName, pick.Note));
        Assert.Empty(later);
    }

    private static async Task<long> CollectOneStoryAsync(CoreTestHost host)
    {
        host.WriteFeed("blog.xml", Rss("Blog", new Entry("x", "Understanding write-ahead logging in SQLite", "https://example.org/wal")));
        host.WriteSources(("Blog", "blog.xml"));
        await host.CollectAllAsync();
        return long.Parse((await host.QueryStringsAsync("SELECT id FROM stories"))[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
