using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotHost.Core.Sources;

/// <summary>Reads and validates a sources file: <c>{"sources": [{"name", "url", "weight"?, "topics"?, "intervalMinutes"?}]}</c>.</summary>
public static class SourcesFileReader
{
    public static IReadOnlyList<SourceDefinition> Read(string path, TimeSpan defaultInterval)
    {
        if (!File.Exists(path))
        {
            throw new SourcesFileException($"Sources file '{path}' does not exist. Create it or set Feeds:SourcesFile to an existing file.");
        }

        SourcesFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize(stream, SourcesJsonContext.Default.SourcesFile);
        }
        catch (JsonException ex)
        {
            throw new SourcesFileException($"Sources file '{path}' is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (file?.Sources is null)
        {
            throw new SourcesFileException($"Sources file '{path}' has no \"sources\" array.");
        }

        var result = new List<SourceDefinition>(file.Sources.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < file.Sources.Count; i++)
        {
            var entry = file.Sources[i];
            var where = $"Sources file '{path}', sources[{i}]";
            if (string.IsNullOrWhiteSpace(entry.Url))
            {
                throw new SourcesFileException($"{where}: \"url\" is missing.");
            }

            var location = ResolveLocation(entry.Url.Trim(), where);
            if (!seen.Add(location))
            {
                throw new SourcesFileException($"{where}: \"url\" {entry.Url} is listed twice.");
            }

            if (entry.Weight is <= 0 or > 100)
            {
                throw new SourcesFileException($"{where}: \"weight\" must be greater than 0 and at most 100.");
            }

            if (entry.IntervalMinutes is < 1 or > 24 * 60)
            {
                throw new SourcesFileException($"{where}: \"intervalMinutes\" must be between 1 and 1440.");
            }

            var name = string.IsNullOrWhiteSpace(entry.Name) ? location : entry.Name.Trim();
            if (!names.Add(name))
            {
                throw new SourcesFileException($"{where}: \"name\" {name} is used by another source; names label stories (\"also on …\") and must be unique.");
            }

            result.Add(new SourceDefinition(
                name,
                location,
                entry.Weight ?? 1.0,
                entry.Topics ?? [],
                entry.IntervalMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : defaultInterval));
        }

        return result;
    }

    // Relative paths in a sources file are relative to the working directory (the content root), so
    // "config/samples/devto.xml" means the same from the CLI and the host.
    private static string ResolveLocation(string url, string where)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "file")
        {
            return url;
        }

        if (url.Contains("://", StringComparison.Ordinal))
        {
            throw new SourcesFileException($"{where}: \"url\" {url} uses an unsupported scheme; use http, https, file or a path.");
        }

        return url;
    }

    internal sealed class SourcesFile
    {
        public List<SourceEntry>? Sources { get; set; }
    }

    internal sealed class SourceEntry
    {
        public string? Name { get; set; }

        public string? Url { get; set; }

        public double? Weight { get; set; }

        public List<string>? Topics { get; set; }

        public int? IntervalMinutes { get; set; }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(SourcesFileReader.SourcesFile))]
internal sealed partial class SourcesJsonContext : JsonSerializerContext;
