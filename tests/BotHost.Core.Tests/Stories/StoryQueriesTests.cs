using BotHost.Core.Picks;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using BotHost.Core.Subscriptions;
using BotHost.Core.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static BotHost.Core.Tests.TestSupport.FeedBuilder;

namespace BotHost.Core.Tests.Stories;

public sealed class StoryQueriesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<CoreTestHost> HostWithStoriesAsync()
    {
        var host = await CoreTestHost.StartAsync();
        host.WriteTopics("""{ "topics": { "databases": ["sqlite", "postgres"], "ai": ["llm"] } }""");
        host.WriteFeed("blog.xml", Rss("Blog",
            new Entry("x", "Understanding write-ahead logging in SQLite", "https://example.org/wal", PubDate: "Tue, 24 Nov 2026 12:00:00 GMT", Description: "Checkpoints and readers explained."),
            new Entry("y", "Quarterly revenue letters", "https://example.org/revenue", Description: "Startups report revenue."),
            new Entry("z", "Running an LLM on a laptop", "https://example.org/llm", Description: "Quantized weights and checkpoints.")));
        host.WriteSources(("Blog", "blog.xml"));
        await host.CollectAllAsync();
        return host;
    }

    /// <summary>One story says "log", the other only "logging".</summary>
    private static async Task<CoreTestHost> HostWithLogStoriesAsync()
    {
        var host = await CoreTestHost.StartAsync();
        host.WriteFeed("logs.xml", Rss("Logs",
            new Entry("a", "Log shipping basics", "https://example.org/log", Description: "A log per service."),
            new Entry("b", "Logging pipelines: logging at scale", "https://example.org/logging", Description: "Logging, logging, logging.")));
        host.WriteSources(("Logs", "logs.xml"));
        await host.CollectAllAsync();
        return host;
    }

    [Fact]
    public async Task Search_WhenAWordMatchesOneStorysSummary_ReturnsThatStoryWithItsStoredFields()
    {
        await using var host = await HostWithStoriesAsync();

        var found = await host.Services.GetRequiredService<StoryQueries>().SearchAsync("readers", null, null, 5, null, Ct);

        var story = Assert.Single(found.Stories);
        Assert.Null(found.Error);
        Assert.Equal("Understanding write-ahead logging in SQLite", story.Title);
        Assert.Equal("https://example.org/wal", story.Url);
        Assert.Equal(CoreTestHost.Start, story.FirstSeenAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero), story.PublishedAt);
        Assert.Equal(["Blog"], story.Sources);
    }

    [Fact]
    public async Task Search_PlainWordsArePrefixes_PhrasesAreExact_AndATopicNarrows()
    {
        await using var host = await HostWithStoriesAsync();
        var queries = host.Services.GetRequiredService<StoryQueries>();

        var prefix = await queries.SearchAsync("checkpoint", null, null, 5, null, Ct);
        var phrase = await queries.SearchAsync("\"write-ahead logging\"", null, null, 5, null, Ct);
        var hyphen = await queries.SearchAsync("write-ahead", null, null, 5, null, Ct);
        var onTopic = await queries.SearchAsync("checkpoint", "ai", null, 5, null, Ct);
        var either = await queries.SearchAsync("revenue OR laptop", null, null, 5, null, Ct);
        var without = await queries.SearchAsync("checkpoints NOT sqlite", null, null, 5, null, Ct);

        Assert.Equal(2, prefix.Stories.Count);
        Assert.Equal("Understanding write-ahead logging in SQLite", Assert.Single(phrase.Stories).Title);
        Assert.Single(hyphen.Stories);
        Assert.Equal("Running an LLM on a laptop", Assert.Single(onTopic.Stories).Title);
        Assert.Equal(2, either.Stories.Count);
        Assert.Equal("Running an LLM on a laptop", Assert.Single(without.Stories).Title);
    }

    [Theory]
    [InlineData("\"unclosed", "with no closing quote")]
    [InlineData("OR sqlite", "OR needs a word on each side")]
    [InlineData("sqlite NOT", "NOT needs a word on each side")]
    [InlineData("*( )", "Type a word or two")]
    public async Task Search_WhenTheSyntaxCannotWork_SaysWhatToTypeAndRunsNothing(string typed, string expected)
    {
        await using var host = await HostWithStoriesAsync();

        var found = await host.Services.GetRequiredService<StoryQueries>().SearchAsync(typed, null, null, 5, null, Ct);

        Assert.Empty(found.Stories);
        Assert.Contains(expected, found.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SinceLeavesOutOlderStories_AndAnUnknownTopicIsRefused()
    {
        await using var host = await HostWithStoriesAsync();
        var queries = host.Services.GetRequiredService<StoryQueries>();

        var later = await queries.SearchAsync("checkpoint", null, CoreTestHost.Start.AddMinutes(1), 5, null, Ct);
        var unknown = await queries.SearchAsync("checkpoint", "cooking", null, 5, null, Ct);

        Assert.Empty(later.Stories);
        Assert.Null(later.Error);
        Assert.StartsWith("Unknown topic 'cooking'; topics are: ai, databases.", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_RanksOnlyTheNewestMatches_SoAFrequentWordCostsTheSameOnAnyDatabase()
    {
        await using var host = await HostWithStoriesAsync();
        var factory = host.Services.GetRequiredService<SqliteConnectionFactory>();
        var topics = host.Services.GetRequiredService<TopicFilter>();
        var unbounded = await host.Services.GetRequiredService<StoryQueries>().SearchAsync("checkpoint", null, null, 5, null, Ct);

        var bounded = await new StoryQueries(factory, topics, host.Services.GetRequiredService<SearchIndexer>(), host.Services.GetRequiredService<BotHost.Core.Sources.SourceVisibility>()) { RankedMatches = 1 }.SearchAsync("checkpoint", null, null, 5, null, Ct);

        Assert.Equal(2, unbounded.Stories.Count);
        Assert.Equal(unbounded.Stories.Max(s => s.StoryId), Assert.Single(bounded.Stories).StoryId);
    }

    [Fact]
    public async Task Search_FindsAWordsExactFormFirst_AndTheWordsItBeginsOnlyWhenTooFewMatchExactly()
    {
        await using var host = await HostWithLogStoriesAsync();
        var queries = host.Services.GetRequiredService<StoryQueries>();

        var one = await queries.SearchAsync("log", null, null, 1, null, Ct);
        var two = await queries.SearchAsync("log", null, null, 2, null, Ct);

        Assert.Equal("Log shipping basics", Assert.Single(one.Stories).Title);
        Assert.Equal(["Log shipping basics", "Logging pipelines: logging at scale"], two.Stories.Select(s => s.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Search_AWordThatAlreadyMatchesEnoughStoriesAsTyped_IsNotWidened()
    {
        await using var host = await HostWithLogStoriesAsync();
        var queries = new StoryQueries(host.Services.GetRequiredService<SqliteConnectionFactory>(), host.Services.GetRequiredService<TopicFilter>(), host.Services.GetRequiredService<SearchIndexer>(), host.Services.GetRequiredService<BotHost.Core.Sources.SourceVisibility>()) { WidenWordsMatchingFewerThan = 1 };

        var found = await queries.SearchAsync("log", null, null, 2, null, Ct);

        Assert.Equal("Log shipping basics", Assert.Single(found.Stories).Title);
    }

    /// <summary>Nine stories say "checkpoint" in their title, off topic; one says it in its summary, on topic ("llm").</summary>
    private static async Task<CoreTestHost> HostWithOneOnTopicCheckpointAsync(bool onTopicFirst)
    {
        var host = await CoreTestHost.StartAsync();
        host.WriteTopics("""{ "topics": { "ai": ["llm"] } }""");
        string[] offTopic =
        [
            "Checkpoint tuning for Kafka brokers", "Flink checkpoint intervals explained", "Why Postgres checkpoint spikes hurt",
            "A checkpoint walkthrough for Spark jobs", "Checkpoint storage on object stores", "Redis persistence and its checkpoint",
            "Game engines save a checkpoint differently", "Checkpoint restore for Linux containers", "The checkpoint pattern in batch ETL",
        ];
        var onTopic = new Entry("on", "Quantized weights on a laptop", "https://example.org/on", Description: "Loading an llm checkpoint in 4 bits.");
        var offEntries = offTopic.Select((title, i) => new Entry($"off{i}", title, $"https://example.org/off/{i}", Description: "Operations notes."));
        host.WriteFeed("mixed.xml", Rss("Mixed", onTopicFirst ? [onTopic, .. offEntries] : [.. offEntries, onTopic]));
        host.WriteSources(("Mixed", "mixed.xml"));
        await host.CollectAllAsync();
        return host;
    }

    [Fact]
    public async Task Search_WithATopic_FindsTheOnTopicMatchThatRanksBelowManyOffTopicOnes()
    {
        await using var host = await HostWithOneOnTopicCheckpointAsync(onTopicFirst: false);
        var queries = host.Services.GetRequiredService<StoryQueries>();

        var all = await queries.SearchAsync("checkpoint", null, null, 20, null, Ct);
        var onTopic = await queries.SearchAsync("checkpoint", "ai", null, 1, null, Ct);

        Assert.Equal(10, all.Stories.Count);
        Assert.Equal("Quantized weights on a laptop", all.Stories[^1].Title);
        Assert.Equal("Quantized weights on a laptop", Assert.Single(onTopic.Stories).Title);
    }

    [Fact]
    public async Task Search_WithATopic_ReadsOlderMatchesWhenTheNewestAreOffTopic()
    {
        await using var host = await HostWithOneOnTopicCheckpointAsync(onTopicFirst: true);
        var factory = host.Services.GetRequiredService<SqliteConnectionFactory>();
        var topics = host.Services.GetRequiredService<TopicFilter>();
        var all = await host.Services.GetRequiredService<StoryQueries>().SearchAsync("checkpoint", null, null, 20, null, Ct);

        var pagedBack = await new StoryQueries(factory, topics, host.Services.GetRequiredService<SearchIndexer>(), host.Services.GetRequiredService<BotHost.Core.Sources.SourceVisibility>()) { RankedMatches = 3 }.SearchAsync("checkpoint", "ai", null, 1, null, Ct);
        var tooFewWindows = await new StoryQueries(factory, topics, host.Services.GetRequiredService<SearchIndexer>(), host.Services.GetRequiredService<BotHost.Core.Sources.SourceVisibility>()) { RankedMatches = 3, TopicWindows = 3 }.SearchAsync("checkpoint", "ai", null, 1, null, Ct);

        Assert.Equal(all.Stories.Min(s => s.StoryId), all.Stories.Single(s => s.Title == "Quantized weights on a laptop").StoryId);
        Assert.Equal("Quantized weights on a laptop", Assert.Single(pagedBack.Stories).Title);
        Assert.Empty(tooFewWindows.Stories);
    }

    [Fact]
    public async Task Latest_IsNewestFirstAndFiltersByTopic()
    {
        await using var host = await HostWithStoriesAsync();
        var queries = host.Services.GetRequiredService<StoryQueries>();

        var all = await queries.LatestAsync(null, CoreTestHost.Start.AddDays(-7), 10, null, Ct);
        var databases = await queries.LatestAsync("databases", CoreTestHost.Start.AddDays(-7), 10, null, Ct);

        Assert.Equal(3, all.Stories.Count);
        Assert.Equal("Understanding write-ahead logging in SQLite", Assert.Single(databases.Stories).Title);
    }

    [Fact]
    public async Task FindByUrl_IgnoresSchemeWwwAndTracking_AndSharedOnlyStoriesStayOutOfSearch()
    {
        await using var host = await HostWithStoriesAsync();
        var queries = host.Services.GetRequiredService<StoryQueries>();
        var recorder = host.Services.GetRequiredService<SharedStoryRecorder>();

        var found = await queries.FindByUrlAsync(UrlCanonicalizer.Canonicalize("http://www.example.org/wal?utm_source=x"), null, Ct);
        var (sharedId, created) = await recorder.FindOrCreateAsync("https://blog.example.net/readers-guide", "A readers guide to checkpoints", "", CoreTestHost.Start, Ct);
        var again = await recorder.FindOrCreateAsync("https://blog.example.net/readers-guide", "other title", "", CoreTestHost.Start, Ct);
        var search = await queries.SearchAsync("readers", null, null, 5, null, Ct);

        Assert.Equal("Understanding write-ahead logging in SQLite", found!.Title);
        Assert.True(created);
        Assert.Equal((sharedId, false), again);
        Assert.DoesNotContain(search.Stories, s => s.StoryId == sharedId);
        Assert.Empty(await queries.GetManyAsync([sharedId], null, Ct, collectedOnly: true));
        Assert.Equal("A readers guide to checkpoints", Assert.Single(await queries.GetManyAsync([sharedId], null, Ct)).Title);
    }

    [Fact]
    public async Task Search_WithRandomTypedSyntax_NeverFailsAndAlwaysAnswersOrExplains()
    {
        const int seed = 4711;
        var random = new Random(seed);
        const string alphabet = "ab sqlite\"\"**()-:^+{}ORNOTAND NEAR/3 é你\\'";
        await using var host = await HostWithStoriesAsync();
        var queries = host.Services.GetRequiredService<StoryQueries>();

        for (var round = 0; round < 300; round++)
        {
            var typed = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            var found = await queries.SearchAsync(typed, null, null, 5, null, Ct);

            Assert.True(found.Error is null || found.Stories.Count == 0, $"seed {seed}, round {round}: '{typed}'");
            Assert.DoesNotContain("could not understand", found.Error ?? "", StringComparison.Ordinal);
        }
    }
}
