using BotHost.Tests.Hosting;

namespace BotHost.Tests.Cli;

/// <summary>`sources import`/`sources export` and `db backup`/`db check` through the real executable, with their exit codes.</summary>
public sealed class OperatorVerbTests : IDisposable
{
    private const string FeedReaderExport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0">
          <head><title>Feedly subscriptions</title></head>
          <body>
            <outline text="Backend" title="Backend">
              <outline type="rss" text="Martin Fowler" title="Martin Fowler" xmlUrl="https://martinfowler.com/feed.atom" htmlUrl="https://martinfowler.com"/>
            </outline>
            <outline type="rss" text="Lobsters" title="Lobsters" xmlUrl="https://lobste.rs/rss"/>
          </body>
        </opml>
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));

    public OperatorVerbTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task SourcesImport_AddsOnceWithABackup_ExportGivesItBack_AndAFileWithADtdIsRefusedWithNothingWritten()
    {
        var sources = Path.Combine(_directory, "sources.json");
        await File.WriteAllTextAsync(sources, """{ "sources": [ { "name": "Hacker News", "url": "https://news.ycombinator.com/rss" } ] }""", TestContext.Current.CancellationToken);
        var opml = Path.Combine(_directory, "feedly.opml");
        await File.WriteAllTextAsync(opml, FeedReaderExport, TestContext.Current.CancellationToken);
        var hostile = Path.Combine(_directory, "hostile.opml");
        await File.WriteAllTextAsync(hostile, """<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><opml><body><outline text="&b;" xmlUrl="https://x.example/rss"/></body></opml>""", TestContext.Current.CancellationToken);

        var first = await RunAsync("sources", "import", opml);
        var second = await RunAsync("sources", "import", opml);
        var refused = await RunAsync("sources", "import", hostile);
        var export = await RunAsync("sources", "export");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("added 2 sources", first.Out, StringComparison.Ordinal);
        Assert.Contains("""add: { "name": "Martin Fowler", "url": "https://martinfowler.com/feed.atom", "topics": ["backend"] }""", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 to add, 2 already in", second.Out, StringComparison.Ordinal);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("carries a DTD", refused.Error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_directory, "sources.json.*.bak"));
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("""xmlUrl="https://lobste.rs/rss" """.TrimEnd(), export.Out, StringComparison.Ordinal);
        Assert.Contains("""category="backend" """.TrimEnd(), export.Out, StringComparison.Ordinal);
        Assert.Equal(3, export.Out.Split("<outline ").Length - 1);
    }

    [Fact]
    public async Task DbBackupAndCheck_CopyAndCheckTheDatabase_AndABackupNeverOverwritesWithoutForce()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "sources.json"), """{ "sources": [] }""", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await RunAsync("sources", "list")).ExitCode);
        var backup = Path.Combine(_directory, "backup.db");

        var check = await RunAsync("db", "check");
        var first = await RunAsync("db", "backup", backup);
        var again = await RunAsync("db", "backup", backup);
        var forced = await RunAsync("db", "backup", backup, "--force");

        Assert.Equal(0, check.ExitCode);
        Assert.Contains("integrity_check: ok", check.Out, StringComparison.Ordinal);
        Assert.Contains("foreign_key_check: ok", check.Out, StringComparison.Ordinal);
        Assert.Contains(", current)", check.Out, StringComparison.Ordinal);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"to {backup} (", first.Out, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists; pass --force to replace it", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private Task<CliRunner.Result> RunAsync(params string[] args) => BotHostProcess.RunToExitAsync(
        new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = Path.Combine(_directory, "bothost.db"),
            ["Feeds__SourcesFile"] = Path.Combine(_directory, "sources.json"),
            ["Curation__TopicsFile"] = Path.Combine(RepoPaths.Root, "config", "topics.json"),
        },
        args);
}
