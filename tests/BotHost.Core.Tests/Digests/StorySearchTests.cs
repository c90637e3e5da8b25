using BotHost.Core.Digests;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Digests;

public sealed class StorySearchTests
{
    [Fact]
    public async Task SearchAsync_WhenAWordMatchesOneStory_ReturnsThatStoryWithItsStoredFields()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("blog.xml", Rss("Blog",
            new Entry("x", "Understanding write-ahead logging in SQLite", "https://example.org/wal", PubDate: "Tue, 24 Nov 2026 12:00:00 GMT", Description: "Checkpoints and readers explained."),
            new Entry("y", "Quarterly revenue letters", "https://example.org/revenue", Description: "Startups report revenue.")));
        host.WriteSources(("Blog", "blog.xml"));
        await host.CollectAllAsync();

        var found = await host.Services.GetRequiredService<StorySearch>().SearchAsync("checkpoint", 5, TestContext.Current.CancellationToken);

        var story = Assert.Single(found);
        Assert.Equal("Understanding write-ahead logging in SQLite", story.Title);
        Assert.Equal("https://example.org/wal", story.Url);
        Assert.Contains("Checkpoints and readers explained.", story.SummaryText, StringComparison.Ordinal);
        Assert.Equal(CoreTestHost.Start, story.FirstSeenAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), story.PublishedAt);
        Assert.Equal(1, story.MentionCount);
        Assert.Empty(story.Sources);
    }

    [Fact]
    public async Task SearchAsync_WhenQueryHasNoLettersOrDigits_ReturnsNothing()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteFeed("blog.xml", Rss("Blog", new Entry("x", "Understanding write-ahead logging", "https://example.org/wal")));
        host.WriteSources(("Blog", "blog.xml"));
        await host.CollectAllAsync();

        var found = await host.Services.GetRequiredService<StorySearch>().SearchAsync("\"*( )", 5, TestContext.Current.CancellationToken);

        Assert.Empty(found);
    }
}
