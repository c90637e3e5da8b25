using BotHost.Core.Feeds;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Sources;

/// <summary>The configured sources, read once from <see cref="FeedOptions.SourcesFile"/>.</summary>
public sealed class SourceCatalog(IOptions<FeedOptions> options)
{
    private readonly Lazy<IReadOnlyList<SourceDefinition>> _sources = new(() =>
        SourcesFileReader.Read(options.Value.SourcesFile, TimeSpan.FromMinutes(options.Value.DefaultIntervalMinutes)));

    public string SourcesFile => options.Value.SourcesFile;

    /// <summary>Throws <see cref="SourcesFileException"/> on first access when the file is missing or malformed.</summary>
    public IReadOnlyList<SourceDefinition> Sources => _sources.Value;

    public SourceDefinition? Find(string location) =>
        Sources.FirstOrDefault(s => string.Equals(s.Location, location, StringComparison.Ordinal));
}
