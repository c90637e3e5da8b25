namespace BotHost.Core.Sources.Opml;

/// <summary>One entry to write into a sources file, in its own terms (<c>name</c>, <c>url</c>, optional weight, topics and interval).</summary>
public sealed record SourcesFileEntry(string Name, string Url, double? Weight, IReadOnlyList<string> Topics, int? IntervalMinutes);
