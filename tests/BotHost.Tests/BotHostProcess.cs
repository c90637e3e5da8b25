using System.Diagnostics;

namespace BotHost.Tests;

/// <summary>How tests start the real executable: from the repository root as the README says, offline, on a database of their own.</summary>
public static class BotHostProcess
{
    public static ProcessStartInfo StartInfo(string databasePath, params string[] args)
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

        start.Environment["Storage__DatabasePath"] = databasePath;
        start.Environment["Discord__Token"] = "";
        start.Environment["BOTHOST_Discord__Token"] = "";
        return start;
    }
}
