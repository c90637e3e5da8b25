using BotHost.Core.Digests;
using BotHost.Core.Stories;
using BotHost.Core.Subscriptions;

namespace BotHost.Core.Tests.Digests;

public sealed class SubscriptionFilterTests
{
    private static readonly StoryForDigest Story = new(
        1, "Kafka consumer groups explained", "https://example.org/kafka", "How partitions are shared by consumers of one queue.",
        DateTimeOffset.UnixEpoch, null, false,
        [new StoryMention("Lobsters", DateTimeOffset.UnixEpoch, "created", Engagement.None), new StoryMention("Hacker News", DateTimeOffset.UnixEpoch, "url", Engagement.None)],
        [new StoryTopic("backend", "queue")]);

    private readonly SubscriptionFilter _filter = new(new SubscriptionRules(null, TimeSpan.FromMilliseconds(100)));

    public static TheoryData<string, Subscription, StoryForDigest?> Drops => new()
    {
        { "backlog", new Subscription(), Story with { IsBacklog = true } },
        { "topics", new Subscription { Topics = ["ai"] }, null },
        { "sources", new Subscription { Sources = ["dev.to"] }, null },
        { "muted", new Subscription { MutedSources = ["Lobsters", "Hacker News"] }, null },
        { "include-keywords", new Subscription { IncludeKeywords = ["rust"] }, null },
        { "exclude-keywords", new Subscription { ExcludeKeywords = ["partition*"] }, null },
        { "include-pattern", new Subscription { IncludePattern = "^Rust" }, null },
        { "exclude-pattern", new Subscription { ExcludePattern = "consumer\\s+groups?" }, null },
    };

    [Theory]
    [MemberData(nameof(Drops))]
    public void Judge_NamesTheFilterThatDropsAStory(string filter, Subscription subscription, StoryForDigest? story)
    {
        var verdict = _filter.Judge(subscription, story ?? Story);

        Assert.False(verdict.Kept);
        Assert.Equal(filter, verdict.DroppedBy);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Explanation));
    }

    [Fact]
    public void Judge_KeepsAStoryWhenOnlySomeSourcesAreMuted_AndNamesTheTopicTerm()
    {
        var verdict = _filter.Judge(new Subscription { Topics = ["backend"], MutedSources = ["Lobsters"], IncludeKeywords = ["consumer"] }, Story);

        Assert.True(verdict.Kept);
        Assert.Equal("it matches: topics backend (\"queue\").", verdict.Explanation);
    }
}
