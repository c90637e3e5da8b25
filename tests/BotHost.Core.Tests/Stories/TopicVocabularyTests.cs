using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Sources;
using BotHost.Core.Stories;
using BotHost.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotHost.Core.Tests.Stories;

public sealed class TopicVocabularyTests : IDisposable
{
    private static readonly string ConfigDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "Config");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));

    public TopicVocabularyTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void Load_WhenFileIsMissing_ReturnsNull()
    {
        var path = Path.Combine(_directory, "nope.json");

        var vocabulary = TopicVocabulary.Load(path);

        Assert.Null(vocabulary);
    }

    [Fact]
    public void FromFile_WhenFileIsMissing_WarnsNamingTheFileAndFiltersNothing()
    {
        var path = Path.Combine(_directory, "nope.json");
        var log = new CapturingLogger<TopicFilter>();

        var filter = TopicFilter.FromFile(path, log);
        var verdict = filter.Judge(new FeedItem("1", "Quarterly revenue letters", null, null, null, string.Empty, []), ["backend"]);

        Assert.True(verdict.Keep);
        var warning = Assert.Single(log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(path, warning.Message, StringComparison.Ordinal);
        Assert.Contains("Curation:TopicsFile", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenJsonIsInvalid_ThrowsNamingFileAndLine()
    {
        var path = Write("{\n  \"topics\": {\n    \"backend\": [\"api\" \"cache\"]\n  }\n}");

        var ex = Assert.Throws<TopicsFileException>(() => TopicVocabulary.Load(path));

        Assert.Contains($"Topics file '{path}' is not valid JSON (line 3)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"topics\": { \"backend\": [\"api\", \"\"] } }", "topics.backend[1] (\"\") is empty")]
    [InlineData("{ \"topics\": { \"languages\": [\"rust\", \"c#\"] } }", "topics.languages[1] (\"c#\") would only match single letters")]
    [InlineData("{ \"topics\": { \"backend\": [\"api\", \"ra*te\"] } }", "topics.backend[1] (\"ra*te\") has a '*' that is not at the end")]
    [InlineData("{ \"topics\": { \"backend\": [\"ap*\"] } }", "topics.backend[0] (\"ap*\") has a stem shorter than 3 letters")]
    [InlineData("{ \"topics\": { \"backend\": [\"api\", null] } }", "topics.backend[1] (\"\") is empty")]
    [InlineData("{ \"topics\": { \"backend\": [] } }", "topic \"backend\" has no keywords")]
    [InlineData("{ \"topics\": { \"Backend\": [\"api\"], \"backend\": [\"cache\"] } }", "topic \"backend\" is listed twice")]
    [InlineData("{ \"sources\": [] }", "has no \"topics\" object")]
    public void Load_WhenAnEntryIsMalformed_ThrowsNamingFileAndEntry(string json, string expected)
    {
        var path = Write(json);

        var ex = Assert.Throws<TopicsFileException>(() => TopicVocabulary.Load(path));

        Assert.Contains($"Topics file '{path}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WhenATopicKeyIsRepeated_ThrowsInsteadOfKeepingTheLastList()
    {
        var path = Write("{ \"topics\": { \"backend\": [\"api\"], \"backend\": [\"cache\"] } }");

        var ex = Assert.Throws<TopicsFileException>(() => TopicVocabulary.Load(path));

        Assert.Contains($"Topics file '{path}' is not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithCommentsAndUpperCase_MatchesCaseInsensitively()
    {
        var path = Write("{ // a comment\n \"topics\": { \"Backend\": [\"Message Queue\",] } }");

        var vocabulary = TopicVocabulary.Load(path)!;

        Assert.True(vocabulary.Contains("BACKEND"));
        Assert.Equal("message queue", vocabulary.FirstMatch("backend", "MESSAGE QUEUES at scale"));
    }

    [Theory]
    [InlineData("sources.json")]
    [InlineData("samples/sources.json")]
    public void ShippedTopicsFile_DefinesEveryTopicTheShippedSourcesUse(string sourcesFile)
    {
        var vocabulary = TopicVocabulary.Load(Path.Combine(ConfigDirectory, "topics.json"))!;
        var sources = SourcesFileReader.Read(Path.Combine(ConfigDirectory, sourcesFile), TimeSpan.FromMinutes(15));

        var topics = sources.SelectMany(s => s.Topics).Distinct().ToList();

        Assert.NotEmpty(topics);
        Assert.All(topics, t => Assert.True(vocabulary.Contains(t), $"{sourcesFile} uses topic \"{t}\", which topics.json does not define"));
    }

    [Fact]
    public void ShippedSamples_KeepAggregatorsUnfilteredAndGiveDevToItsTopics()
    {
        var sources = SourcesFileReader.Read(Path.Combine(ConfigDirectory, "samples", "sources.json"), TimeSpan.FromMinutes(15));

        var topicsByName = sources.ToDictionary(s => s.Name, s => s.Topics);

        Assert.Equal(["backend", "architecture"], topicsByName["dev.to"]);
        Assert.Empty(topicsByName["Hacker News"]);
        Assert.Empty(topicsByName["Lobsters"]);
    }

    [Theory]
    [InlineData("registry", "Container registries compared", true)]
    [InlineData("microservice", "Microservices at scale", true)]
    [InlineData("box", "Boxes, crates and pallets", true)]
    [InlineData("architect*", "Software architecture in practice", true)]
    [InlineData("message queue", "Two message queues explained", true)]
    [InlineData("message queue*", "Message queueing explained", true)]
    [InlineData("api", "Rapid growth", false)]
    [InlineData("kafka", "A kafkaesque week", false)]
    [InlineData("architect*", "The arch of a bridge", false)]
    [InlineData("message queue", "A queue message", false)]
    [InlineData("registry", "Registrar news", false)]
    public void FirstMatch_AndTagging_OnPluralsStemsAndPhrases_MatchWholeWordsOnly(string keyword, string text, bool matches)
    {
        var vocabulary = TopicVocabulary.Create(new Dictionary<string, IReadOnlyList<string>> { ["t"] = [keyword] });
        // Tagging checks an item against every topic, through the item's word index; FirstMatch scans the text.
        var tagger = new StoryTopicTagger(new TopicFilter(vocabulary, NullLogger<TopicFilter>.Instance), new StoryStore());

        Assert.Equal(matches ? keyword : null, vocabulary.FirstMatch("t", text));
        Assert.Equal(matches ? [("t", keyword)] : [], tagger.Match(new FeedItem("1", text, null, null, null, string.Empty, []), []));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private string Write(string json)
    {
        var path = Path.Combine(_directory, $"topics-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
