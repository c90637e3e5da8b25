using BotHost.Core.Feeds.Fetching;
using BotHost.Testing.Feeds;

namespace BotHost.Core.Tests.Feeds.Fetching;

[Collection(nameof(AllocationSensitiveCollection))]
public sealed class FeedFetcherGzipBombTests
{
    [Fact]
    public async Task FetchAsync_WhenGzipBombServed_CutsAtCapWithBoundedMemory()
    {
        const long bombSize = 50L * 1024 * 1024;
        await using var host = await FetcherHost.StartAsync(o => o.MaxBodyBytes = 1024 * 1024);
        var bomb = LoopbackResponse.GzippedZeros(bombSize);
        host.Server.Map("/bomb.xml", bomb);
        host.Server.Map("/warm.xml", LoopbackResponse.Text("<rss/>"));
        await host.FetchAsync("/warm.xml");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var result = await host.FetchAsync("/bomb.xml");

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(bomb.Body.Length < 1024 * 1024, $"the bomb should be small on the wire, was {bomb.Body.Length} bytes");
        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Null(result.Body);
        Assert.Contains("after decompression", result.Error, StringComparison.Ordinal);
        Assert.Contains("Feeds:MaxBodyBytes", result.Error, StringComparison.Ordinal);
        Assert.True(allocated < 16L * 1024 * 1024, $"expected well under the {bombSize}-byte bomb, allocated {allocated} bytes");
    }
}
