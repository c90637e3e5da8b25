using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace BotHost.Tests.Cli;

/// <summary>inspect-feed as an operator runs it: the real process, with Feeds:* settings from the environment.</summary>
public sealed class InspectFeedSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bothost-inspect-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task InspectFeed_HonoursItemCapAndSummaryLengthFromTheEnvironment()
    {
        var feed = WriteFeed(items: 5);

        var (exitCode, output, _) = await RunAsync(feed, ("Feeds__MaxItemsPerFeed", "3"), ("BOTHOST_Feeds__SummaryMaxLength", "40"));

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Post 1", "Post 2", "Post 3"], items.Select(i => i.GetProperty("title").GetString()));
        Assert.All(items, i => Assert.True(i.GetProperty("summary_text").GetString()!.Length <= 40));
        Assert.Contains(json.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("more than 3 items (Feeds:MaxItemsPerFeed)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InspectFeed_HonoursTheBodyCapFromTheEnvironment()
    {
        var feed = WriteFeed(items: 5);

        var (exitCode, _, error) = await RunAsync(feed, ("Feeds__MaxBodyBytes", "1024"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Feeds:MaxBodyBytes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InspectFeed_WhenItemCapIsInvalid_FailsNamingTheKey()
    {
        var feed = WriteFeed(items: 1);

        var (exitCode, _, error) = await RunAsync(feed, ("Feeds__MaxItemsPerFeed", "0"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Feeds:MaxItemsPerFeed must be between 1 and 1000000.", error, StringComparison.Ordinal);
    }

    private string WriteFeed(int items)
    {
        var body = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Settings</title>");
        for (var i = 1; i <= items; i++)
        {
            body.Append($"<item><title>Post {i}</title><link>https://site.example.test/{i}</link><description>{string.Concat(Enumerable.Repeat("A sentence long enough to be cut. ", 10))}</description></item>");
        }

        var path = Path.Combine(_directory, "feed.xml");
        File.WriteAllText(path, body.Append("</channel></rss>").ToString());
        return path;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string feed, params (string Key, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(BotHost.Cli.BotHostCli).Assembly.Location);
        start.ArgumentList.Add("inspect-feed");
        start.ArgumentList.Add(feed);
        start.ArgumentList.Add("--json");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            return (process.ExitCode, await output, await error);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
