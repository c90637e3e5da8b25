using BotHost.Core.Feeds;
using BotHost.Core.Stories;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Sources;

/// <summary>
/// Lets a guild add its own feeds when Sources:AllowGuildSources is on. A feed is fetched once through the feed
/// fetcher (same private-address guard, size cap and deadline as every source) and must parse with items before it
/// is stored; collection then picks it up like any source.
/// </summary>
public sealed class GuildSourceService(
    GuildSourceStore store,
    SourceNames names,
    SourceCatalog catalog,
    FeedFetcher fetcher,
    FeedParser parser,
    TopicFilter topics,
    IOptions<SourceOptions> options,
    TimeProvider time)
{
    public const int MaxNameLength = 64;

    public bool Enabled => options.Value.AllowGuildSources;

    public async Task<GuildSourceResult> AddAsync(ulong guildId, string url, string? name, string? topicList, ulong? addedBy, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return GuildSourceResult.Fail(Disabled);
        }

        if (!UrlCanonicalizer.TryCanonicalize(url, out var canonical, out var urlError))
        {
            return GuildSourceResult.Fail($"That is not a feed address I can use: {urlError}");
        }

        var own = await store.ListForGuildAsync(guildId, cancellationToken);
        if (own.Count >= options.Value.MaxPerGuild)
        {
            return GuildSourceResult.Fail($"This server already has {own.Count} sources, the most it may add; remove one with /sources remove first.");
        }

        if (ConfiguredWithUrl(canonical) is { } configured)
        {
            return GuildSourceResult.Fail($"That feed is already a source for everyone: {configured}.");
        }

        if (own.FirstOrDefault(s => s.Url == canonical) is { } sameUrl)
        {
            return GuildSourceResult.Fail($"This server already has that feed, as '{sameUrl.Name}'.");
        }

        if (!TryParseTopics(topicList, out var sourceTopics, out var topicError))
        {
            return GuildSourceResult.Fail(topicError);
        }

        var fetch = await fetcher.FetchAsync(new FetchRequest(canonical), cancellationToken);
        if (fetch.Status != FetchStatus.Ok || fetch.Body is null)
        {
            return GuildSourceResult.Fail($"I could not fetch that feed, so it was not added: {fetch.Error ?? "no content"}");
        }

        ParsedFeed feed;
        try
        {
            feed = parser.Parse(fetch.Body, new FeedParseContext(fetch.FinalUri ?? new Uri(canonical), fetch.ContentType));
        }
        catch (Exception ex) when (ex is NotAFeedException or FeedFormatException)
        {
            return GuildSourceResult.Fail($"That address is not a feed I can read, so it was not added: {ex.Message}");
        }

        if (feed.Items.Count == 0)
        {
            var why = feed.Errors.Count > 0 ? $" ({feed.Errors[0]})" : "";
            return GuildSourceResult.Fail($"That feed has no items I could read{why}, so it was not added; try again once it lists some.");
        }

        var chosen = ChooseName(name, feed.Title, canonical);
        var taken = (await names.ForGuildAsync(guildId, cancellationToken)).FirstOrDefault(n => string.Equals(n, chosen, StringComparison.OrdinalIgnoreCase));
        if (taken is not null)
        {
            return GuildSourceResult.Fail($"A source named '{taken}' already exists; give this one another name with name:.");
        }

        var source = new GuildSource(0, guildId, chosen, canonical, sourceTopics, addedBy, time.GetUtcNow());
        return await store.AddAsync(source, cancellationToken)
            ? new GuildSourceResult(source, null, feed.Items.Count)
            : GuildSourceResult.Fail("Another admin added the same feed or name a moment ago; see /sources list.");
    }

    public async Task<GuildSourceResult> RemoveAsync(ulong guildId, string name, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return GuildSourceResult.Fail(Disabled);
        }

        var own = await store.ListForGuildAsync(guildId, cancellationToken);
        var found = own.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            return GuildSourceResult.Fail(own.Count == 0
                ? "This server has added no sources of its own; configured sources can only be changed by the bot's operator."
                : $"This server has no source named '{name.Trim()}'; its own sources: {string.Join(", ", own.Select(s => s.Name))}.");
        }

        await store.RemoveAsync(guildId, found.Name, cancellationToken);
        return new GuildSourceResult(found, null);
    }

    private const string Disabled = "This bot does not take sources from servers (its operator has Sources:AllowGuildSources off); /sources list shows what it follows.";

    private string? ConfiguredWithUrl(string canonical)
    {
        try
        {
            return catalog.Sources.FirstOrDefault(s =>
                UrlCanonicalizer.TryCanonicalize(s.Location, out var other, out _) && UrlCanonicalizer.KeyOfCanonical(other) == UrlCanonicalizer.KeyOfCanonical(canonical))?.Name;
        }
        catch (SourcesFileException)
        {
            return null;
        }
    }

    private bool TryParseTopics(string? typed, out IReadOnlyList<string> parsed, out string error)
    {
        parsed = [];
        error = string.Empty;
        var wanted = (typed ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (wanted.Length == 0)
        {
            return true;
        }

        if (topics.Vocabulary is not { } vocabulary)
        {
            error = "This bot has no topic list, so a source cannot be limited to topics; leave topics out.";
            return false;
        }

        if (wanted.FirstOrDefault(t => !vocabulary.Contains(t)) is { } unknown)
        {
            error = $"Unknown topic '{unknown}'; topics are: {string.Join(", ", vocabulary.Topics.Order(StringComparer.Ordinal))}.";
            return false;
        }

        parsed = [.. wanted.Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        return true;
    }

    private static string ChooseName(string? typed, string? feedTitle, string canonical)
    {
        var name = !string.IsNullOrWhiteSpace(typed) ? typed : !string.IsNullOrWhiteSpace(feedTitle) ? feedTitle : new Uri(canonical).Host;
        name = HtmlText.CollapseWhitespace(name).Trim();
        return name.Length <= MaxNameLength ? name : name[..MaxNameLength].TrimEnd();
    }
}
