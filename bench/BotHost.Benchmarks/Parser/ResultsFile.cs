using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BotHost.Benchmarks.Parser;

/// <summary>
/// bench/results/latest.json, written as a merge: this run replaces "machine", "date" and its own section and
/// keeps every other key (the sections other benchmarks write) as it found them.
/// </summary>
public static class ResultsFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void MergeSection(string path, string section, JsonObject values, TimeProvider time)
    {
        var root = File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject existing ? existing : [];
        root["machine"] = Machine();
        root["date"] = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        root[section] = values;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, root.ToJsonString(Indented) + "\n");
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
