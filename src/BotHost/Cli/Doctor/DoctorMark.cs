namespace BotHost.Cli.Doctor;

/// <summary>How a `doctor` line reads: passed, failed (makes the exit code non-zero), a paused subscription, or not checked.</summary>
public enum DoctorMark
{
    Ok,
    Failed,
    Paused,
    Skipped,
}
