namespace BotHost.Tests.Cli;

public sealed class SameStoryCommandTests
{
    [Fact]
    public async Task SameStory_ShowHnAndHackerNewsSuffix_PrintsSame()
    {
        var result = await CliRunner.RunAsync("same-story", "Show HN: X", "", "X | Hacker News", "");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^same \d\.\d{3}\s*$", result.Out);
    }

    [Fact]
    public async Task SameStory_UnrelatedTitles_PrintsDifferent()
    {
        var result = await CliRunner.RunAsync("same-story", "Announcing Rust 1.80", "", "How SQLite stores pages on disk", "");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^different \d\.\d{3}\s*$", result.Out);
    }

    [Fact]
    public async Task SameStory_SameCanonicalUrl_PrintsSameWithFullScore()
    {
        var result = await CliRunner.RunAsync("same-story", "One title", "http://www.example.com/post?utm_source=a", "Another title", "https://example.com/post");

        Assert.Equal("same 1.000", result.Out.Trim());
    }
}
