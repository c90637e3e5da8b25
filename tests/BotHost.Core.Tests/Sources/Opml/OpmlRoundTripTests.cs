using System.Text;
using BotHost.Core.Sources;
using BotHost.Core.Sources.Opml;
using BotHost.Core.Stories;

namespace BotHost.Core.Tests.Sources.Opml;

/// <summary>Issue 13, acceptance 4: import → export → import changes nothing.</summary>
public sealed class OpmlRoundTripTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(15);
    private static readonly TopicVocabulary Vocabulary = TopicVocabulary.Create(new Dictionary<string, IReadOnlyList<string>>
    {
        ["backend"] = ["api", "database"],
        ["devops"] = ["kubernetes", "deploy"],
    });

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));

    public OpmlRoundTripTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void Import_ThenExport_ThenImportAgain_ChangesNothing_AndAFreshImportOfTheExportExportsTheSame()
    {
        var sources = Path.Combine(_directory, "sources.json");
        File.WriteAllText(sources, OpmlSamples.HandWrittenSources);

        var firstPlan = Import(sources, OpmlSamples.FeedReaderExport);
        var afterImport = File.ReadAllText(sources);
        var exported = Export(sources);
        var secondPlan = Import(sources, exported);
        var fresh = Path.Combine(_directory, "fresh.json");
        Import(fresh, exported);

        Assert.Equal(["Martin Fowler", "The Cloudflare Blog", "Lobsters"], firstPlan.ToAdd.Select(e => e.Name));
        Assert.Single(firstPlan.AlreadyListed, a => a.StartsWith("Hacker News", StringComparison.Ordinal));
        Assert.Empty(secondPlan.ToAdd);
        Assert.Equal(5, secondPlan.AlreadyListed.Count);
        Assert.Equal(afterImport, File.ReadAllText(sources));
        Assert.Single(Directory.GetFiles(_directory, "sources.json.*.bak"));
        Assert.Equal(exported, Export(fresh));
    }

    [Fact]
    public void Import_KeepsTheFilesCommentsAndEntries_MapsKnownFoldersToTopics_AndKeepsTheOldFileAsABackup()
    {
        var sources = Path.Combine(_directory, "sources.json");
        File.WriteAllText(sources, OpmlSamples.HandWrittenSources);

        Import(sources, OpmlSamples.FeedReaderExport);
        var written = File.ReadAllText(sources);
        var read = SourcesFileReader.Read(sources, DefaultInterval);

        Assert.StartsWith(OpmlSamples.HandWrittenSources[..OpmlSamples.HandWrittenSources.IndexOf("1.5, \"intervalMinutes\": 10 }", StringComparison.Ordinal)], written, StringComparison.Ordinal);
        Assert.Contains("// Hand-picked; keep this comment.", written, StringComparison.Ordinal);
        Assert.Contains("""    { "name": "The Cloudflare Blog", "url": "https://blog.cloudflare.com/rss/", "topics": ["backend", "devops"] }""", written, StringComparison.Ordinal);
        Assert.Equal(["dev.to #backend", "Hacker News", "Martin Fowler", "The Cloudflare Blog", "Lobsters"], read.Select(s => s.Name));
        Assert.Equal(["backend"], read.Single(s => s.Name == "Martin Fowler").Topics);
        Assert.Empty(read.Single(s => s.Name == "Lobsters").Topics);
        Assert.Equal(OpmlSamples.HandWrittenSources, File.ReadAllText(Assert.Single(Directory.GetFiles(_directory, "sources.json.20261205-093000.bak"))));
    }

    [Fact]
    public void Import_FoldersThatAreNotTopics_AreLeftOutWithANote()
    {
        var sources = Path.Combine(_directory, "sources.json");

        var plan = Import(sources, """<opml version="2.0"><body><outline text="Reading"><outline text="A" xmlUrl="https://a.example/rss"/></outline></body></opml>""");

        Assert.Empty(Assert.Single(plan.ToAdd).Topics);
        Assert.Contains(plan.Notes, n => n.Contains("not topics in topics were left out: Reading", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_WhenANameIsTaken_AddsTheFeedUnderItsHost()
    {
        var sources = Path.Combine(_directory, "sources.json");
        File.WriteAllText(sources, """{ "sources": [ { "name": "Blog", "url": "https://a.example/feed" } ] }""");

        Import(sources, """<opml version="2.0"><body><outline text="Blog" xmlUrl="https://b.example/rss"/></body></opml>""");

        Assert.Equal(["Blog", "Blog (b.example)"], SourcesFileReader.Read(sources, DefaultInterval).Select(s => s.Name));
    }

    [Fact]
    public void Import_IntoAnEmptySourcesArray_WritesOneEntryPerLineInsideIt()
    {
        var sources = Path.Combine(_directory, "sources.json");
        File.WriteAllText(sources, "{\n  \"sources\": []\n}\n");

        Import(sources, """<opml version="2.0"><body><outline text="A" xmlUrl="https://a.example/rss"/><outline text="B" xmlUrl="https://b.example/rss"/></body></opml>""");

        Assert.Equal(
            "{\n  \"sources\": [\n    { \"name\": \"A\", \"url\": \"https://a.example/rss\" },\n    { \"name\": \"B\", \"url\": \"https://b.example/rss\" }\n  ]\n}\n",
            File.ReadAllText(sources));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>What `sources import` does: read, plan against the file's current entries, append.</summary>
    private static OpmlImportPlan Import(string sourcesFile, string opml)
    {
        var document = OpmlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(opml)));
        var existing = File.Exists(sourcesFile) ? SourcesFileReader.Read(sourcesFile, DefaultInterval) : [];
        var plan = OpmlImportPlanner.Plan(existing, document, Vocabulary);
        SourcesFileAppender.Append(sourcesFile, plan.ToAdd, Now, DefaultInterval);
        return plan;
    }

    private static string Export(string sourcesFile)
    {
        using var output = new MemoryStream();
        OpmlWriter.Write(SourcesFileReader.Read(sourcesFile, DefaultInterval), output, Now);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
