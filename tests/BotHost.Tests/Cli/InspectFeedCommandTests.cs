using System.Text.Json;

namespace BotHost.Tests.Cli;

public sealed class InspectFeedCommandTests
{
    [Fact]
    public async Task InspectFeed_Json_PrintsFormatTitleItemsAndErrors()
    {
        var result = await CliRunner.RunAsync("inspect-feed", Path.Combine(RepoPaths.Samples, "hackernews.xml"), "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("rss2", root.GetProperty("format").GetString());
        Assert.Equal("Hacker News: Front Page", root.GetProperty("title").GetString());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        var first = root.GetProperty("items")[0];
        // The sample links over http with tracking parameters: canonicalization drops the parameters and keeps
        // the scheme (the story key, not the canonical URL, is where http and https meet).
        Assert.Equal("http://dev.to/ayesha/event-driven-architecture-event-sourcing-cqrs-and-the-outbox-pattern-explained-3f0?utm_source=hackernews&utm_medium=social", first.GetProperty("url").GetString());
        Assert.Equal("http://dev.to/ayesha/event-driven-architecture-event-sourcing-cqrs-and-the-outbox-pattern-explained-3f0", first.GetProperty("canonical_url").GetString());
        Assert.Equal("2026-11-24T19:02:00Z", first.GetProperty("published").GetString());
        foreach (var name in new[] { "id", "title", "summary_text" })
        {
            Assert.True(first.TryGetProperty(name, out _), $"item lacks '{name}'");
        }
    }

    [Fact]
    public async Task InspectFeed_HtmlPage_FailsWithOneLineListingAdvertisedFeeds()
    {
        var page = Path.Combine(Path.GetTempPath(), $"bothost-page-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(page, "<!doctype html><html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"https://example.org/feed.xml\"></head><body>hi</body></html>", TestContext.Current.CancellationToken);
        try
        {
            var result = await CliRunner.RunAsync("inspect-feed", page, "--json");

            Assert.NotEqual(0, result.ExitCode);
            Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("https://example.org/feed.xml", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Fact]
    public async Task InspectFeed_MissingFile_FailsWithOneLine()
    {
        var result = await CliRunner.RunAsync("inspect-feed", "/nonexistent/feed.xml");

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
    }
}
