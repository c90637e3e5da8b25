namespace BotHost.Cli;

/// <summary>Where a verb writes: standard output for results, standard error for one-line errors.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    public int Fail(string message, int exitCode = 1)
    {
        Error.WriteLine($"error: {message}");
        return exitCode;
    }
}
