using BotHost.Core.Tests.TestSupport;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Collecting;

public sealed class TopicCurationPipelineTests
{
    private const string Topics = """{ "topics": { "backend": ["api", "message queue", "database"], "architecture": ["architect*"] } }""";

    private static readonly Entry Kafka = new("d-1", "Message Queues Explained: Why LinkedIn Built Kafka", "https://dev.to/a/message-queues-1", Description: "Point-to-point versus pub-sub, and what a broker really does.", Categories: ["backend"]);
    private static readonly Entry Arr = new("d-2", "The Letter VCs Are Quietly Deleting from ARR", "https://dev.to/b/the-letter-vcs-2", Description: "Startups are reporting revenue they haven't earned yet. VCs know it.", Categories: ["backend"]);

    [Fact]
    public async Task Collect_OffTopicItemOfTopicalSource_IsStoredAsDroppedOffTopicWithoutStory()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.WriteTopics(Topics);
        host.WriteFeed("devto.xml", Rss("DEV", Kafka, Arr));
        host.WriteFeed("hn.xml", Rss("HN", new Entry("h-1", "Startup revenue recognition, explained", "https://news.example.com/arr", Comments: "https://news.ycombinator.com/item?id=7")));
        host.WriteSources(("dev.to", "devto.xml", ["backend", "architecture"]), ("Hacker News", "hn.xml", []));

        var outcomes = await host.CollectAllAsync();

        var devto = outcomes.Single(o => o.SourceName == "dev.to");
        var dropped = Assert.Single(devto.Ingest.Dropped);
        Assert.Equal(Arr.Title, dropped.Title);
        Assert.Equal("off-topic", dropped.Reason);
        Assert.Equal(
            ["off-topic|\"The Letter VCs Are Quietly Deleting from ARR\" matches none of this source's topics (backend, architecture)."],
            await host.QueryStringsAsync("SELECT dropped_reason || '|' || dropped_explanation FROM items WHERE title LIKE 'The Letter VCs%'"));
        Assert.Equal(3, await host.CountAsync("items"));
        Assert.Equal(2, await host.CountAsync("stories"));
        Assert.DoesNotContain((await host.ComposeDigestAsync()).Stories, s => s.Title == Arr.Title);
    }
}
