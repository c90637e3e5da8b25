namespace BotHost.Core.Sources.Opml;

/// <summary>
/// What an OPML file holds: the feeds that passed validation, and one line per outline that did not (with its line
/// number and what to fix). Outlines that are neither feeds nor folders are reported in <see cref="Notes"/>.
/// </summary>
public sealed record OpmlDocument(IReadOnlyList<OpmlFeed> Feeds, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes);
