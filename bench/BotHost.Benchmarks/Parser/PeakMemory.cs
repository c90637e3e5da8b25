using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BotHost.Benchmarks.Parser;

/// <summary>
/// Peak resident memory and CPU time of a whole process, as the kernel counts them: a fresh wrapper process starts
/// the command as its only child, waits for it and reads getrusage(RUSAGE_CHILDREN), so nothing is missed between polls.
/// </summary>
public static partial class PeakMemory
{
    public const string WrapperVerb = "peak-rss";

    /// <summary>Runs <paramref name="command"/> (stdout discarded) under the wrapper: its peak resident memory in MiB and the CPU time it used.</summary>
    public static (double PeakMiB, TimeSpan Cpu) Measure(string command, IReadOnlyDictionary<string, string> environment, string workingDirectory)
    {
        var wrapper = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        wrapper.ArgumentList.Add(typeof(PeakMemory).Assembly.Location);
        wrapper.ArgumentList.Add(WrapperVerb);
        wrapper.ArgumentList.Add(command);
        foreach (var (key, value) in environment)
        {
            wrapper.Environment[key] = value;
        }

        using var process = Process.Start(wrapper)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var fields = output.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || fields.Length != 2 || !long.TryParse(fields[0], out var kib) || !long.TryParse(fields[1], out var microseconds))
        {
            throw new InvalidOperationException($"peak measurement of `{command}` failed (exit {process.ExitCode}): {error.Trim()}");
        }

        return (kib / 1024.0, TimeSpan.FromMicroseconds(microseconds));
    }

    /// <summary>The wrapper's side: run the shell command, fail if it fails, print its peak RSS in KiB.</summary>
    public static int Wrap(string command)
    {
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec {command} > /dev/null");
        using (var child = Process.Start(start)!)
        {
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                Console.Error.WriteLine($"`{command}` exited with {child.ExitCode}");
                return child.ExitCode;
            }
        }

        var usage = new long[18];
        if (GetResourceUsage(-1, usage) != 0)
        {
            Console.Error.WriteLine("getrusage failed");
            return 1;
        }

        // struct rusage on 64-bit Linux: ru_utime and ru_stime (seconds, microseconds each), then ru_maxrss in KiB.
        var cpuMicroseconds = ((usage[0] + usage[2]) * 1_000_000) + usage[1] + usage[3];
        Console.WriteLine($"{usage[4]} {cpuMicroseconds}");
        return 0;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, [Out] long[] usage);
}
