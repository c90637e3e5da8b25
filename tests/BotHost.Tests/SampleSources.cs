namespace BotHost.Tests;

/// <summary>A sources file naming the three offline sample feeds by absolute path, so any working directory reads them.</summary>
public static class SampleSources
{
    public static string Write(string directory)
    {
        var path = Path.Combine(directory, "sources.json");
        File.WriteAllText(path, $$"""
            { "sources": [
              { "name": "dev.to", "url": "{{Esc(Path.Combine(RepoPaths.Samples, "devto-backend.xml"))}}", "topics": ["backend", "architecture"] },
              { "name": "Hacker News", "url": "{{Esc(Path.Combine(RepoPaths.Samples, "hackernews.xml"))}}", "weight": 1.5 },
              { "name": "Lobsters", "url": "{{Esc(Path.Combine(RepoPaths.Samples, "lobsters.xml"))}}", "weight": 1.2 } ] }
            """);
        return path;
    }

    private static string Esc(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
}
