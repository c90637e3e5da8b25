namespace BotHost.Cli.Doctor;

/// <summary>One line of `doctor`: a mark, what was found, and for a problem what to do about it.</summary>
public sealed record DoctorLine(DoctorMark Mark, string Text, string? Fix = null)
{
    public static DoctorLine Ok(string text) => new(DoctorMark.Ok, text);

    public static DoctorLine Failed(string text, string fix) => new(DoctorMark.Failed, text, fix);

    public static DoctorLine Skipped(string text) => new(DoctorMark.Skipped, text);

    public override string ToString()
    {
        var mark = Mark switch
        {
            DoctorMark.Ok => "✓",
            DoctorMark.Failed => "✗",
            DoctorMark.Paused => "⏸",
            _ => "–",
        };
        return Fix is null ? $"{mark} {Text}" : $"{mark} {Text} — {Fix}";
    }
}
