using BotHost.Cli;
using BotHost.Core.Stories;
using BotHost.Hosting;

namespace BotHost.Tests.Hosting;

public sealed class StartupTopicsTests
{
    [Fact]
    public async Task Start_WhenTopicsFileIsMalformed_FailsWithOneLineNamingFileAndEntry()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var sources = Path.Combine(directory, "sources.json");
        var topics = Path.Combine(directory, "topics.json");
        await File.WriteAllTextAsync(sources, """{ "sources": [ { "name": "blog", "url": "blog.xml", "topics": ["backend"] } ] }""", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(topics, """{ "topics": { "backend": ["api", "c#"] } }""", TestContext.Current.CancellationToken);
        var builder = BotHostApplication.CreateBuilder(forCli: false, overrides: new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bothost.db"),
            ["Feeds:SourcesFile"] = sources,
            ["Curation:TopicsFile"] = topics,
            ["Discord:Token"] = "",
        });
        using var host = builder.Build();

        var ex = await Record.ExceptionAsync(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.IsType<TopicsFileException>(ex);
        Assert.True(StartupFailure.TryDescribe(ex, out var message));
        Assert.Contains($"Topics file '{topics}'", message, StringComparison.Ordinal);
        Assert.Contains("topics.backend[1] (\"c#\")", message, StringComparison.Ordinal);
    }
}
