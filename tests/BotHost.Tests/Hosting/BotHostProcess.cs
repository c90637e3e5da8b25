using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace BotHost.Tests.Hosting;

/// <summary>
/// The real executable, run offline (no Discord token) from the repository root as the README says, with its
/// output captured, and stopped with SIGINT as Ctrl+C does. Disposing kills it if it is still running.
/// </summary>
internal sealed class BotHostProcess : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Fragment, TaskCompletionSource Seen)> _watchers = [];

    private BotHostProcess(Process process)
    {
        _process = process;
    }

    public static bool CanInterrupt => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>Everything printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <param name="environment">Settings as environment variables (Section__Key), added to the offline defaults.</param>
    public static BotHostProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        var start = StartInfo(environment);
        var running = new BotHostProcess(new Process { StartInfo = start });
        running._process.OutputDataReceived += (_, e) => running.Append(e.Data);
        running._process.ErrorDataReceived += (_, e) => running.Append(e.Data);
        running._process.Start();
        running._process.BeginOutputReadLine();
        running._process.BeginErrorReadLine();
        return running;
    }

    /// <summary>How to start the executable with <paramref name="args"/>, for tests that read its output to the end themselves.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(BotHost.Cli.BotHostCli).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Discord__Token"] = "";
        start.Environment["BOTHOST_Discord__Token"] = "";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Runs the executable with <paramref name="args"/> to its exit (at most a minute) and returns what it printed.</summary>
    public static async Task<Cli.CliRunner.Result> RunToExitAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var ct = TestContext.Current.CancellationToken;
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
        return new Cli.CliRunner.Result(process.ExitCode, await output, await error);
    }

    /// <summary>Completes once a printed line contains <paramref name="fragment"/>; fails after <paramref name="timeout"/>.</summary>
    public Task WaitForOutputAsync(string fragment, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(fragment, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            _watchers.Add((fragment, seen));
        }

        return seen.Task.WaitAsync(timeout, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends SIGINT (Ctrl+C) and waits at most <paramref name="exitBound"/> for the process to exit.</summary>
    public async Task InterruptAsync(TimeSpan exitBound)
    {
        Assert.Equal(0, Kill(_process.Id, SigInt));
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(exitBound, TestContext.Current.CancellationToken);
    }

    /// <summary>Sends SIGTERM (what systemd, docker stop and kill send) to any process; false when it is gone.</summary>
    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
            for (var i = _watchers.Count - 1; i >= 0; i--)
            {
                if (line?.Contains(_watchers[i].Fragment, StringComparison.Ordinal) == true)
                {
                    _watchers[i].Seen.TrySetResult();
                    _watchers.RemoveAt(i);
                }
            }
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
