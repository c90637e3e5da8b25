using System.Runtime.InteropServices;

namespace BotHost.Benchmarks.Parser;

/// <summary>
/// CPU time of the calling thread (clock_gettime(CLOCK_THREAD_CPUTIME_ID)). On a machine shared with other jobs,
/// wall time measures the neighbours as much as the code; the parsing thread's CPU time does not. The benchmark
/// runs with non-concurrent workstation GC so collections happen on, and are charged to, that thread.
/// </summary>
public static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (GetTime(ClockThreadCpuTimeId, out var spec) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed; the parser benchmark needs Linux.");
        }

        return TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int GetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
