namespace BotHost.Tests;

/// <summary>Finds the repository root (where BotHost.sln is) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "config", "samples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BotHost.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BotHost.sln not found above " + AppContext.BaseDirectory);
    }
}
