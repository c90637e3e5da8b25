namespace BotHost.Cli;

/// <summary>
/// Where a verb writes: standard output for results, standard error for one-line errors. <see cref="Settings"/> are
/// configuration overrides on top of files, user secrets and environment (tests point a verb at a fake Discord).
/// </summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?>? Settings = null)
{
    public int Fail(string message, int exitCode = 1)
    {
        Error.WriteLine($"error: {message}");
        return exitCode;
    }
}
