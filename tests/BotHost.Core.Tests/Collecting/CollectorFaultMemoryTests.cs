using BotHost.Core.Tests.TestSupport;
using static BotHost.Core.Tests.TestSupport.FaultyFeedRig;

namespace BotHost.Core.Tests.Collecting;

/// <summary>Huge bodies cost the collector about its body cap, not their size (alone: allocations are process-wide).</summary>
[Collection("AllocationSensitiveCollection")]
public sealed class CollectorFaultMemoryTests : IAsyncLifetime
{
    private const long AllocationBound = 16L * 1024 * 1024;

    private FaultyFeedRig _rig = null!;

    public static TheoryData<string> HugeBodies { get; } = ["a gzip bomb", "a 50 MB chunked body"];

    public async ValueTask InitializeAsync() => _rig = await FaultyFeedRig.StartAsync();

    public async ValueTask DisposeAsync() => await _rig.DisposeAsync();

    [Theory]
    [MemberData(nameof(HugeBodies))]
    public async Task Collect_WhenTheBodyIsFiftyMegabytes_AllocatesAboutTheCapAndFailsTheSource(string fault)
    {
        var stored = await _rig.CollectGoodFeedAsync();
        var (response, expected) = Fault(fault);
        _rig.Server.Map("/feed.xml", response);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await _rig.CollectAsync();

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Current.TestOutputHelper?.WriteLine($"{fault}: {allocated} bytes allocated while collecting");
        await _rig.AssertFailedKeepingStoredAsync(outcome, expected, stored);
        Assert.True(allocated < AllocationBound, $"a {FiftyMegabytes}-byte body behind a {MaxBodyBytes}-byte cap allocated {allocated} bytes");
    }
}
