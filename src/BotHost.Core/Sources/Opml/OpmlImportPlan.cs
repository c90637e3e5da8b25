namespace BotHost.Core.Sources.Opml;

/// <summary>What importing an OPML file would change: the entries to add, the feeds already listed, and notes on what was left out.</summary>
public sealed record OpmlImportPlan(IReadOnlyList<SourcesFileEntry> ToAdd, IReadOnlyList<string> AlreadyListed, IReadOnlyList<string> Notes);
