using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Stories;
using BotHost.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Tests.Stories;

public sealed class TopicFilterTests
{
    private const string SeedHeading = "Latest DevOps news from Tech News";
    private const string VcsTitle = "The Letter VCs Are Quietly Deleting from ARR";

    private static readonly string[] DevToTopics = ["backend", "architecture"];

    private static readonly string[] SeedLines =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Stories", "devto-teasers.txt"))
            .Where(l => l.Length > 0)
            .ToArray();

    private static readonly TopicVocabulary Shipped =
        TopicVocabulary.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "Config", "topics.json"))!;

    private readonly CapturingLogger<TopicFilter> _log = new();

    private static string VcsLine => SeedLines.Single(l => l.StartsWith(VcsTitle, StringComparison.Ordinal));

    public static TheoryData<string> SeedArticleLines { get; } = new(
        SeedLines.Where(l => l != SeedHeading && !l.StartsWith("Disclosure:", StringComparison.Ordinal) && !l.StartsWith(VcsTitle, StringComparison.Ordinal)).Distinct());

    [Theory]
    [MemberData(nameof(SeedArticleLines))]
    public void Judge_SeedArticleLine_IsKeptUnderBackendAndArchitecture(string line)
    {
        var filter = new TopicFilter(Shipped, _log);

        var verdict = filter.Judge(Item(string.Empty, line), DevToTopics);

        Assert.True(verdict.Keep, verdict.Explanation);
    }

    [Fact]
    public void Judge_SeedArticleLines_AreAllButTheHeadingDisclosureAndVcsLine()
    {
        var articleLines = SeedArticleLines.Count;

        var distinctSeedLines = SeedLines.Distinct().Count();

        Assert.Equal(distinctSeedLines - 3, articleLines);
    }

    [Fact]
    public void Judge_SeedVcsArrLine_DropsAsOffTopicNamingTheTopics()
    {
        var filter = new TopicFilter(Shipped, _log);

        var verdict = filter.Judge(Item(VcsTitle, VcsLine), DevToTopics);

        Assert.False(verdict.Keep);
        Assert.Equal("off-topic", verdict.Reason);
        Assert.Equal($"\"{VcsTitle}\" matches none of this source's topics (backend, architecture).", verdict.Explanation);
    }

    [Fact]
    public void FirstMatch_SeedVcsArrLine_MatchesNoTopicOfTheVocabulary()
    {
        var matches = Shipped.Topics.Select(t => (Topic: t, Keyword: Shipped.FirstMatch(t, VcsLine))).Where(m => m.Keyword is not null).ToList();

        Assert.True(matches.Count == 0, string.Join(", ", matches.Select(m => $"{m.Topic}: {m.Keyword}")));
    }

    [Fact]
    public void Judge_SampleDevToFeedAfterNoiseCuration_DropsOnlyTheVcsArrItem()
    {
        using var xml = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "Config", "samples", "devto-backend.xml"));
        var feed = new FeedParser().Parse(xml, new FeedParseContext(new Uri("https://dev.to/feed/tag/backend")), TestContext.Current.CancellationToken);
        var curator = new NoiseCurator(Options.Create(new CurationOptions()));
        var filter = new TopicFilter(Shipped, _log);
        var articles = feed.Items.Where(i => curator.Judge(i).Keep).ToList();

        var dropped = articles.Where(i => !filter.Judge(i, DevToTopics).Keep).Select(i => i.Title).ToList();

        Assert.Equal(feed.Items.Count - 2, articles.Count);
        Assert.Contains(articles, i => i.Title == VcsTitle && i.Categories.Contains("backend"));
        Assert.Equal([VcsTitle], dropped);
    }

    [Fact]
    public void Judge_WhenSourceHasNoTopics_Keeps()
    {
        var filter = new TopicFilter(Shipped, _log);

        var verdict = filter.Judge(Item(VcsTitle, VcsLine), []);

        Assert.True(verdict.Keep);
    }

    [Fact]
    public void Judge_WhenThereIsNoVocabulary_Keeps()
    {
        var filter = new TopicFilter(null, _log);

        var verdict = filter.Judge(Item(VcsTitle, VcsLine), DevToTopics);

        Assert.True(verdict.Keep);
    }

    [Fact]
    public void Judge_WhenASourceTopicIsUnknown_KeepsAndWarnsOnce()
    {
        var filter = new TopicFilter(Shipped, _log);

        var first = filter.Judge(Item(VcsTitle, VcsLine), ["backend", "bakend"]);
        var second = filter.Judge(Item("Quarterly revenue letters", "Startups report revenue."), ["bakend"]);

        Assert.True(first.Keep);
        Assert.True(second.Keep);
        var warning = Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("\"bakend\"", warning.Message, StringComparison.Ordinal);
        Assert.Contains("backend", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportUnknownTopics_NamesSourceAndTopic()
    {
        var filter = new TopicFilter(Shipped, _log);
        var sources = new[]
        {
            new BotHost.Core.Sources.SourceDefinition("dev.to", "https://dev.to/feed", 1, ["backend", "architechture"], TimeSpan.FromMinutes(15)),
            new BotHost.Core.Sources.SourceDefinition("Hacker News", "https://news.ycombinator.com/rss", 1, [], TimeSpan.FromMinutes(15)),
        };

        var unknown = filter.ReportUnknownTopics(sources);

        Assert.Equal([("dev.to", "architechture")], unknown);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("dev.to", StringComparison.Ordinal) && e.Message.Contains("\"architechture\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_WhenOnlyACategoryMatches_Keeps()
    {
        var filter = new TopicFilter(Small(), _log);

        var verdict = filter.Judge(Item("Notes from my week", "Some thoughts on a slow week.", "Microservices"), ["backend"]);

        Assert.True(verdict.Keep, verdict.Explanation);
    }

    [Fact]
    public void Judge_WhenTheOnlyMatchingCategoryIsTheSourceTopicName_Drops()
    {
        var filter = new TopicFilter(Small(), _log);

        var verdict = filter.Judge(Item("Notes from my week", "Some thoughts on a slow week.", "Backend"), ["backend"]);

        Assert.False(verdict.Keep);
        Assert.Equal(TopicFilter.OffTopicReason, verdict.Reason);
    }

    [Theory]
    [InlineData("Message queues in practice", true)]
    [InlineData("A message-queue primer", true)]
    [InlineData("Choosing a Message Queue", true)]
    [InlineData("A queue for every message", false)]
    [InlineData("Message passing, not a queue", false)]
    public void Judge_Phrase_MatchesOnlyItsWordsSideBySide(string title, bool kept)
    {
        var filter = new TopicFilter(Small(), _log);

        var verdict = filter.Judge(Item(title), ["backend"]);

        Assert.Equal(kept, verdict.Keep);
    }

    [Theory]
    [InlineData("Microservices are not a goal", true)]
    [InlineData("One microservice too many", true)]
    [InlineData("Service registries compared", true)]
    [InlineData("Why caches lie", true)]
    [InlineData("Rapid prototyping for beginners", false)]
    [InlineData("Microservicey vibes and other jokes", false)]
    [InlineData("Architectural decision records", true)]
    [InlineData("Architects and their tools", true)]
    public void Judge_Words_TolerateAPluralOrAStemButNotOtherSuffixes(string title, bool kept)
    {
        var filter = new TopicFilter(Small(), _log);

        var verdict = filter.Judge(Item(title), ["backend", "architecture"]);

        Assert.Equal(kept, verdict.Keep);
    }

    [Fact]
    public void Judge_WhenTitleIsEmpty_ExplainsWithTheSummary()
    {
        var filter = new TopicFilter(Small(), _log);

        var verdict = filter.Judge(Item(string.Empty, "Startups are reporting revenue they have not earned yet."), ["backend"]);

        Assert.Equal("\"Startups are reporting revenue they have not earned yet.\" matches none of this source's topics (backend).", verdict.Explanation);
    }

    private static TopicVocabulary Small() => TopicVocabulary.Create(new Dictionary<string, IReadOnlyList<string>>
    {
        ["backend"] = ["message queue", "microservice", "api", "cache", "backend"],
        ["architecture"] = ["architect*", "service registry"],
    });

    private static FeedItem Item(string title, string summary = "", params string[] categories) =>
        new("id-1", title, "https://dev.to/someone/some-article-1a2b", null, null, summary, categories);
}
