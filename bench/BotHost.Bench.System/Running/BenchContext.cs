namespace BotHost.Bench.System.Running;

/// <summary>What every section needs: the repository, a scratch directory (deleted at the end), the mode and the output.</summary>
internal sealed class BenchContext(string repository, string scratch, bool quick, TextWriter log)
{
    public const int Seed = 13;

    public string Repository { get; } = repository;

    /// <summary>Generated feeds and databases live here, under the system temp directory, never in the repository.</summary>
    public string Scratch { get; } = scratch;

    public bool Quick { get; } = quick;

    public TextWriter Log { get; } = log;

    public string TopicsFile => Path.Combine(Repository, "config", "topics.json");

    public string ScratchPath(params string[] parts) => Path.Combine([Scratch, .. parts]);

    public static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BotHost.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"BotHost.sln not found above {AppContext.BaseDirectory}; run the bench from the repository's build output.");
    }
}
