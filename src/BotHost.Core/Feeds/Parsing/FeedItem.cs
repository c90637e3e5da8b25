namespace BotHost.Core.Feeds.Parsing;

/// <summary>
/// One entry as a feed states it, after parsing. <see cref="Id"/> is never empty: the parser falls back
/// from the feed's own id to the link, then to a hash of title and date.
/// </summary>
/// <param name="Url">Absolute article link (relative links resolved against xml:base / the feed URL), or null.</param>
/// <param name="CommentsUrl">A discussion page (RSS &lt;comments&gt;, e.g. the Hacker News thread), or null.</param>
/// <param name="Published">As stated by the feed (UTC); null when missing or unparseable. Not clamped here.</param>
/// <param name="SummaryText">Plain text: HTML stripped, whitespace collapsed, cut at a word boundary with "…".</param>
public sealed record FeedItem(
    string Id,
    string Title,
    string? Url,
    string? CommentsUrl,
    DateTimeOffset? Published,
    string SummaryText,
    IReadOnlyList<string> Categories);
