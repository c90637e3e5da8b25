using System.Diagnostics;

namespace BotHost.Discord.Bench.WholeBot;

/// <summary>This process's peak working set so far, and its CPU time (on Linux the kernel's high-water mark of resident memory, VmHWM).</summary>
internal static class PeakWorkingSet
{
    public static double Megabytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>CPU time (user + system) this process has used so far.</summary>
    public static double CpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }
}
