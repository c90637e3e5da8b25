using System.Globalization;
using BotHost.Core.Digests;
using BotHost.Core.Sources;
using BotHost.Core.Storage;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Stories;

/// <summary>
/// Reads of collected stories for commands (search, latest, share, lookups by id): the stories feature's queries,
/// so no other feature writes SQL over stories, mentions or items. Stories known only from a member's share (no
/// feed mentioned them yet) are not "collected" and never appear in search or latest. A guild (null: a DM) never sees
/// the stories only other guilds' own feeds carried, nor those feeds' names (<see cref="SourceVisibility"/>).
/// </summary>
public sealed class StoryQueries(SqliteConnectionFactory connections, TopicFilter topics, SearchIndexer search, SourceVisibility visibility)
{
    /// <summary>Rows /latest reads per requested story when a topic filter runs after its query.</summary>
    private const int TopicOverscan = 8;

    // Sources in the order they published the story ("from X · also on Y"), those hidden from the asking guild left out.
    private const string SourceNames =
        "(SELECT group_concat(name, char(31)) FROM (SELECT src.name AS name, MIN(COALESCE(i.published_at, i.first_seen_at)) AS first_at, MIN(m.item_id) AS first_item " +
        "  FROM story_mentions m JOIN sources src ON src.id = m.source_id JOIN items i ON i.id = m.item_id " +
        $"  WHERE m.story_id = s.id AND {VisibleMentions.MentionIsVisible} GROUP BY src.id ORDER BY first_at, first_item))";

    /// <summary>
    /// How many matches a search ranks: the newest this many. A frequent word matches most stories of a large
    /// database, and ranking reads every match it ranks (the story's title and summary, mostly one page each), so an
    /// unbounded search grows with the database (bench/run: 214 ms at p99 over 100,000 stories); bounded, ranking costs
    /// the same at any size, and a word that common is best answered from recent stories anyway. 500 rather than
    /// 1,000: on a million stories the reads of 1,000 scattered matches alone took 5-10 ms (bench `search`: p99 24 ms
    /// at 1,000, 17 ms at 500, 15 ms at 300, all on a loaded machine).
    /// </summary>
    internal int RankedMatches { get; init; } = 500;

    /// <summary>
    /// A word that matches at least this many stories as typed is not widened to the longer words it begins: the store
    /// knows it well, its longer forms are mostly other words ("new" → "newsletter"), and FTS5 (no prefix index) reads
    /// every match of a prefix before returning the first, so "new"* cost 60-90 ms on a million stories against under
    /// 1 ms for "new" (bench `search-profile`).
    /// </summary>
    internal int WidenWordsMatchingFewerThan { get; init; } = 1000;

    /// <summary>How many windows of <see cref="RankedMatches"/> a topic search reads, older after newer, while fewer than a page of matches are on topic.</summary>
    internal int TopicWindows { get; init; } = 4;

    /// <summary>
    /// Full-text search, best match first (<see cref="SearchRanking"/>: titles weigh more than summaries) among the newest
    /// <see cref="RankedMatches"/> matches; see <see cref="StorySearchQuery"/> for the syntax. A word finds its exact form
    /// first; when the exact forms fill fewer than <paramref name="limit"/>, the longer words it begins ("checkpoint" →
    /// "checkpoints") are searched too, for each word that matches fewer than <see cref="WidenWordsMatchingFewerThan"/>
    /// stories as typed.
    /// </summary>
    public async Task<StorySearchResult> SearchAsync(string typed, string? topic, DateTimeOffset? since, int limit, ulong? guildId, CancellationToken cancellationToken)
    {
        if (!StorySearchQuery.TryParse(typed, out var parts, out var error))
        {
            return StorySearchResult.Refused(error);
        }

        if (CheckTopic(topic) is { } topicError)
        {
            return StorySearchResult.Refused(topicError);
        }

        var hidden = await visibility.HiddenFromAsync(guildId, cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await search.CatchUpAsync(connection, cancellationToken);
        var exactParts = StorySearchQuery.Widened(parts, _ => false);
        if (exactParts.SequenceEqual(StorySearchQuery.Widened(parts, _ => true)))
        {
            return await MatchAsync(connection, exactParts, topic, since, limit, hidden, cancellationToken);
        }

        // Words as typed first; only when they fill fewer than a page do the words they begin join in.
        var exact = await MatchAsync(connection, exactParts, topic, since, limit, hidden, cancellationToken);
        if (exact.Error is not null || exact.Stories.Count >= limit)
        {
            return exact;
        }

        var rare = await RareWordsAsync(connection, StorySearchQuery.WidenableWords(parts), cancellationToken);
        var wideParts = StorySearchQuery.Widened(parts, rare.Contains);
        return wideParts.SequenceEqual(exactParts) ? exact : await MatchAsync(connection, wideParts, topic, since, limit, hidden, cancellationToken);
    }

    /// <summary>The words (quoted, as typed) that match fewer than <see cref="WidenWordsMatchingFewerThan"/> stories; each count stops there.</summary>
    private async Task<HashSet<string>> RareWordsAsync(SqliteConnection connection, IEnumerable<string> words, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (SELECT 1 FROM story_search WHERE story_search MATCH $word LIMIT $enough)";
        var word = command.Parameters.Add("$word", SqliteType.Text);
        command.Parameters.AddWithValue("$enough", WidenWordsMatchingFewerThan);
        var rare = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in words)
        {
            word.Value = candidate;
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) < WidenWordsMatchingFewerThan)
            {
                rare.Add(candidate);
            }
        }

        return rare;
    }

    private async Task<StorySearchResult> MatchAsync(
        SqliteConnection connection, IReadOnlyList<string> parts, string? topic, DateTimeOffset? since, int limit, IReadOnlyList<long> hidden, CancellationToken cancellationToken)
    {
        var match = string.Join(' ', parts);
        var onTopic = topic is null || topics.Vocabulary is not { } vocabulary
            ? (Func<SearchCandidate, bool>)(_ => true)
            : c => vocabulary.FirstMatch(topic, c.Title + "\n" + c.Summary) is not null;
        var window = new List<SearchCandidate>();
        var candidates = new List<SearchCandidate>();
        var sinceMs = since?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var before = long.MaxValue;
        try
        {
            // The topic is judged on every match read, so an on-topic story ranked low among off-topic ones is still found;
            // while too few are on topic, older windows are read too, up to TopicWindows of them.
            for (var windows = 1; ; windows++)
            {
                var read = await WindowAsync(connection, match, before, hidden, cancellationToken);
                var shown = read.Where(c => c.Shown && c.FirstSeenAtMs >= sinceMs).ToList();
                window.AddRange(shown);
                candidates.AddRange(shown.Where(onTopic));
                if (topic is null || candidates.Count >= limit || read.Count < RankedMatches || windows == TopicWindows || read[^1].FirstSeenAtMs < sinceMs)
                {
                    break;
                }

                before = read[^1].StoryId;
            }
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 1)
        {
            // The query builder quotes every term; this is the safety net if FTS5 still refuses the expression.
            return StorySearchResult.Refused("I could not understand that search. Use plain words, \"quoted phrases\", OR and NOT, e.g. sqlite OR postgres.");
        }

        if (candidates.Count == 0)
        {
            return new StorySearchResult([], null);
        }

        var phrases = SearchPhrase.Of(parts);
        var best = SearchRanking.Best(candidates, window, phrases, await InverseDocumentFrequenciesAsync(connection, phrases, cancellationToken), limit);
        return new StorySearchResult(await ReadManyAsync(connection, [.. best.Select(c => c.StoryId)], collectedOnly: true, hidden, cancellationToken), null);
    }

    /// <summary>
    /// The newest <see cref="RankedMatches"/> matches older than story <paramref name="before"/>, newest first (ids rise
    /// with first-seen time), FTS5 stopping there. Stories the asking guild may not see stay in the window, marked not
    /// shown, so the window still says how far back the matches reach.
    /// </summary>
    private async Task<IReadOnlyList<SearchCandidate>> WindowAsync(SqliteConnection connection, string match, long before, IReadOnlyList<long> hidden, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT s.id, s.title, s.summary_text, s.first_seen_at, s.mention_count > 0 AND {VisibleMentions.StoryIsVisible} " +
            "FROM (SELECT rowid AS id FROM story_search WHERE story_search MATCH $match AND rowid < $before ORDER BY rowid DESC LIMIT $ranked) m " +
            "JOIN stories s ON s.id = m.id ORDER BY s.id DESC";
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$before", before);
        command.Parameters.AddWithValue("$ranked", RankedMatches);
        VisibleMentions.Bind(command, hidden);
        var read = new List<SearchCandidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            read.Add(new SearchCandidate(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), Shown: reader.GetInt64(4) != 0));
        }

        return read;
    }

    /// <summary>
    /// Each term's inverse document frequency over the stories, from its newest <see cref="RankedMatches"/> matches: a
    /// term with fewer is counted exactly; for one with more, the share of ids its newest matches span says how common
    /// it is (ids rise with time). One term needs none: a constant weight does not change the order.
    /// </summary>
    private async Task<IReadOnlyList<double>> InverseDocumentFrequenciesAsync(SqliteConnection connection, IReadOnlyList<SearchPhrase> phrases, CancellationToken cancellationToken)
    {
        if (phrases.Count < 2)
        {
            return [.. phrases.Select(_ => 1.0)];
        }

        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT (SELECT min(id) FROM stories), (SELECT max(id) FROM stories), count(*), min(id) " +
            "FROM (SELECT rowid AS id FROM story_search WHERE story_search MATCH $phrase ORDER BY rowid DESC LIMIT $sample)";
        var phrase = command.Parameters.Add("$phrase", SqliteType.Text);
        command.Parameters.AddWithValue("$sample", RankedMatches);
        var weights = new List<double>(phrases.Count);
        foreach (var term in phrases)
        {
            phrase.Value = term.Match;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (first, last, found) = (reader.IsDBNull(0) ? 0 : reader.GetInt64(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1), reader.GetInt64(2));
            var stories = Math.Max(1.0, last - first + 1);
            var matching = found < RankedMatches ? found : Math.Min(stories, found * stories / Math.Max(1.0, last - reader.GetInt64(3) + 1));
            weights.Add(SearchRanking.InverseDocumentFrequency(matching, stories));
        }

        return weights;
    }

    /// <summary>The newest stories first seen since <paramref name="since"/> that a digest of <paramref name="guildId"/> could show (not backlog).</summary>
    public async Task<StorySearchResult> LatestAsync(string? topic, DateTimeOffset since, int limit, ulong? guildId, CancellationToken cancellationToken)
    {
        if (CheckTopic(topic) is { } topicError)
        {
            return StorySearchResult.Refused(topicError);
        }

        var hidden = await visibility.HiddenFromAsync(guildId, cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {DigestStoryRows.Columns}, {SourceNames} FROM stories s " +
            $"WHERE s.is_backlog = 0 AND s.mention_count > 0 AND s.first_seen_at >= $since AND {VisibleMentions.StoryIsVisible} ORDER BY s.first_seen_at DESC, s.id DESC LIMIT $limit";
        VisibleMentions.Bind(command, hidden);
        command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", topic is null ? limit : limit * TopicOverscan);
        return new StorySearchResult(OnTopic(await DigestStoryRows.ReadAllAsync(command, cancellationToken), topic, limit), null);
    }

    /// <summary>
    /// The story holding this canonical URL (as its article or discussion link), whatever its http/www spelling, found
    /// whoever carried it (the member gave the URL), named by the sources <paramref name="guildId"/> may see.
    /// </summary>
    public async Task<DigestStory?> FindByUrlAsync(string canonicalUrl, ulong? guildId, CancellationToken cancellationToken)
    {
        var hidden = await visibility.HiddenFromAsync(guildId, cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {DigestStoryRows.Columns}, {SourceNames} FROM story_keys k JOIN stories s ON s.id = k.story_id WHERE k.key = $key";
        command.Parameters.AddWithValue("$key", UrlKey(canonicalUrl));
        VisibleMentions.Bind(command, hidden);
        return (await DigestStoryRows.ReadAllAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>
    /// Stories by id, in the order asked; ids that no longer exist, that only other guilds' own feeds carried (for
    /// <paramref name="guildId"/>) or, with <paramref name="collectedOnly"/>, that only a share knows are left out.
    /// </summary>
    public async Task<IReadOnlyList<DigestStory>> GetManyAsync(IReadOnlyList<long> ids, ulong? guildId, CancellationToken cancellationToken, bool collectedOnly = false)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var hidden = await visibility.HiddenFromAsync(guildId, cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ReadManyAsync(connection, ids, collectedOnly, hidden, cancellationToken);
    }

    private static async Task<IReadOnlyList<DigestStory>> ReadManyAsync(
        SqliteConnection connection, IReadOnlyList<long> ids, bool collectedOnly, IReadOnlyList<long> hidden, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var names = ids.Select((_, i) => "$id" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        command.CommandText =
            $"SELECT {DigestStoryRows.Columns}, {SourceNames} FROM stories s WHERE s.id IN ({string.Join(", ", names)}) AND {VisibleMentions.StoryIsVisible}" +
            (collectedOnly ? " AND s.mention_count > 0" : "");
        VisibleMentions.Bind(command, hidden);
        for (var i = 0; i < ids.Count; i++)
        {
            command.Parameters.AddWithValue(names[i], ids[i]);
        }

        var found = (await DigestStoryRows.ReadAllAsync(command, cancellationToken)).ToDictionary(s => s.StoryId);
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>The story_keys key of a canonical URL (the same one the clusterer writes).</summary>
    internal static string UrlKey(string canonicalUrl) => "u:" + UrlCanonicalizer.KeyOfCanonical(canonicalUrl);

    private string? CheckTopic(string? topic)
    {
        if (topic is null)
        {
            return null;
        }

        if (topics.Vocabulary is not { } vocabulary)
        {
            return "This bot has no topic list, so it cannot filter by topic; leave the topic out.";
        }

        return vocabulary.Contains(topic) ? null : $"Unknown topic '{topic}'; topics are: {string.Join(", ", vocabulary.Topics.Order(StringComparer.Ordinal))}.";
    }

    private IReadOnlyList<DigestStory> OnTopic(IReadOnlyList<DigestStory> stories, string? topic, int limit)
        => topic is null || topics.Vocabulary is not { } vocabulary
            ? stories
            : [.. stories.Where(s => vocabulary.FirstMatch(topic, s.Title + "\n" + s.SummaryText) is not null).Take(limit)];
}
