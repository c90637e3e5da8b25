namespace BotHost.Core.Sources.Opml;

/// <summary>
/// One feed outline of an OPML file: its name (title, else text), feed URL, the categories it sits under (enclosing
/// folder outlines and its <c>category</c> attribute), and BotHost's own weight and interval when an export carried them.
/// </summary>
public sealed record OpmlFeed(string Name, string XmlUrl, string? HtmlUrl, IReadOnlyList<string> Categories, double? Weight, int? IntervalMinutes, int Line);
