namespace BotHost.Tests.Cli;

public sealed class CanonicalizeUrlCommandTests
{
    [Fact]
    public async Task CanonicalizeUrl_PrintsOneLinePerUrl_AndExitsZero()
    {
        var result = await CliRunner.RunAsync("canonicalize-url", "HTTPS://Example.COM:443/a/./b/../c?utm_source=x&id=1#top", "https://example.com/?");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["https://example.com/a/c?id=1", "https://example.com/"], result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task CanonicalizeUrl_InvalidUrl_StillOneLineAndNonZeroExit()
    {
        var result = await CliRunner.RunAsync("canonicalize-url", "javascript:alert(1)", "https://example.com/x");

        Assert.NotEqual(0, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("error:", lines[0], StringComparison.Ordinal);
    }
}
