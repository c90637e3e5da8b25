namespace BotHost.Core.Sources;

/// <summary>One configured feed source, as read from the sources file.</summary>
/// <param name="Location">http(s) URL, file:// URL, or a path relative to the working directory.</param>
public sealed record SourceDefinition(
    string Name,
    string Location,
    double Weight,
    IReadOnlyList<string> Topics,
    TimeSpan Interval);
