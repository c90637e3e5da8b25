using System.Text;
using BotHost.Core.Feeds.Fetching;

namespace BotHost.Core.Tests.Feeds.Fetching;

public sealed class FeedFetcherFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bothost-fetch-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task FetchAsync_WhenLocationIsRelativePath_ReadsFileFromCurrentDirectory()
    {
        await using var host = await FetcherHost.StartAsync();
        var file = WriteFile("feed.xml", "<rss version=\"2.0\"/>");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, file);

        var result = await host.Fetcher.FetchAsync(new FetchRequest(relative), TestContext.Current.CancellationToken);

        Assert.False(Path.IsPathRooted(relative));
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal("<rss version=\"2.0\"/>", Encoding.UTF8.GetString(result.Body!));
        Assert.Equal(new Uri(file), result.FinalUri);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_WhenLocationIsFileUrl_ReadsFile()
    {
        await using var host = await FetcherHost.StartAsync();
        var file = WriteFile("atom.xml", "<feed/>");

        var result = await host.Fetcher.FetchAsync(new FetchRequest(new Uri(file).AbsoluteUri), TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal("<feed/>", Encoding.UTF8.GetString(result.Body!));
    }

    [Fact]
    public async Task FetchAsync_WhenFileIsMissing_FailsNamingThePath()
    {
        await using var host = await FetcherHost.StartAsync();
        var missing = Path.Combine(_directory, "nope.xml");

        var result = await host.Fetcher.FetchAsync(new FetchRequest(missing), TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Contains("File not found", result.Error, StringComparison.Ordinal);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenFileExceedsCap_FailsNamingMaxBodyBytes()
    {
        await using var host = await FetcherHost.StartAsync(o => o.MaxBodyBytes = 100);
        var file = WriteFile("big.xml", new string('x', 101));

        var result = await host.Fetcher.FetchAsync(new FetchRequest(file), TestContext.Current.CancellationToken);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Null(result.Body);
        Assert.Contains("Feeds:MaxBodyBytes", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_WhenFileSlotIsHeld_QueuesUntilReleased()
    {
        await using var host = await FetcherHost.StartAsync();
        var file = WriteFile("queued.xml", "<rss/>");
        var held = await host.Limiter.AcquireAsync(FeedFetcher.FileLimiterKey, TestContext.Current.CancellationToken);

        var fetch = host.Fetcher.FetchAsync(new FetchRequest(file), TestContext.Current.CancellationToken);
        var queuedBehindHolder = host.Limiter.UsersOf(FeedFetcher.FileLimiterKey) == 2 && !fetch.IsCompleted;
        held.Dispose();
        var result = await fetch.WaitAsync(FetcherHost.SignalTimeout, TestContext.Current.CancellationToken);

        Assert.True(queuedBehindHolder);
        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(0, host.Limiter.UsersOf(FeedFetcher.FileLimiterKey));
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
