using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace BotHost.Tests.Hosting;

/// <summary>The real executable, run from the repository root as the README says, stopped with SIGINT as Ctrl+C does.</summary>
public sealed class ProcessRunTests
{
    private const int SigInt = 2;

    [Fact]
    public async Task Run_WithoutToken_PrintsTheDigestAndExitsZeroOnCtrlC()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGINT is sent with kill(2).");
        var directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));
        var start = BotHostProcess.StartInfo(Path.Combine(directory, "bothost.db"));
        var output = new StringBuilder();
        var digestPrinted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Press Ctrl+C to stop", StringComparison.Ordinal) == true)
            {
                digestPrinted.TrySetResult();
            }
        };

        process.Start();
        process.BeginOutputReadLine();
        try
        {
            await digestPrinted.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
            Assert.Equal(0, Kill(process.Id, SigInt));
            await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        string printed;
        lock (output)
        {
            printed = output.ToString();
        }

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("dropped (heading): \"Latest DevOps news from Tech News\"", printed, StringComparison.Ordinal);
        Assert.Contains("dropped (affiliate)", printed, StringComparison.Ordinal);
        Assert.Contains("also on", printed, StringComparison.Ordinal);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
