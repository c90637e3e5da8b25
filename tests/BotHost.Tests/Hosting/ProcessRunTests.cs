namespace BotHost.Tests.Hosting;

/// <summary>The real executable, run from the repository root as the README says, stopped with SIGINT as Ctrl+C does.</summary>
public sealed class ProcessRunTests
{
    [Fact]
    public async Task Run_WithoutToken_PrintsTheDigestAndExitsZeroOnCtrlC()
    {
        Assert.SkipUnless(BotHostProcess.CanInterrupt, "SIGINT is sent with kill(2).");
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        using var process = BotHostProcess.Start(new Dictionary<string, string> { ["Storage__DatabasePath"] = Path.Combine(directory, "bothost.db") });

        await process.WaitForOutputAsync("Press Ctrl+C to stop", TimeSpan.FromSeconds(60));
        await process.InterruptAsync(TimeSpan.FromSeconds(10));

        var printed = process.Output;
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("dropped (heading): \"Latest DevOps news from Tech News\"", printed, StringComparison.Ordinal);
        Assert.Contains("dropped (affiliate)", printed, StringComparison.Ordinal);
        Assert.Contains("also on", printed, StringComparison.Ordinal);
    }
}
