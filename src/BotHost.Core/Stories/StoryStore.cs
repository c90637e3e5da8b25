using BotHost.Core.Storage;

namespace BotHost.Core.Stories;

/// <summary>
/// SQL for stories, their match keys, mentions and topics. Runs inside the caller's transaction, through its
/// <see cref="TransactionCommands"/>, so a feed's items reuse each prepared statement.
/// </summary>
public sealed class StoryStore
{
    private const string FindByKey = "SELECT story_id FROM story_keys WHERE key = $key";
    private const string TitlesInWindow = "SELECT id, title FROM stories WHERE id IN (SELECT value FROM json_each($ids)) AND first_seen_at >= $since";
    private const string Create =
        "INSERT INTO stories(canonical_url, title, summary_text, normalized_title_hash, published_at, first_seen_at, is_backlog) " +
        "VALUES ($url, $title, $summary, $hash, $published, $seen, $backlog) RETURNING id";
    private const string FillSummary = "UPDATE stories SET summary_text = $summary WHERE id = $story AND summary_text = ''";
    private const string MarkLive = "UPDATE stories SET is_backlog = 0 WHERE id = $story AND is_backlog = 1";
    private const string FirstInWindow = "SELECT id FROM stories WHERE first_seen_at >= $since ORDER BY first_seen_at, id LIMIT 1";
    private const string StoryTitlesAfter = StoryTitles + "WHERE s.id > $after UNION ALL " + MentionTitles + "WHERE s.id > $after ORDER BY 1";

    // The story's own title (a story a member shared has no mention) and every title it was mentioned under.
    private const string StoryTitles = "SELECT s.id, s.first_seen_at, s.title FROM stories s ";
    private const string MentionTitles = "SELECT s.id, s.first_seen_at, i.title FROM stories s JOIN story_mentions m ON m.story_id = s.id JOIN items i ON i.id = m.item_id ";
    private const string AddKey = "INSERT OR IGNORE INTO story_keys(key, story_id) VALUES ($key, $story)";
    private const string AddTopic = "INSERT OR IGNORE INTO story_topics(story_id, topic, matched_term) VALUES ($story, $topic, $term)";
    private const string AddMention = "INSERT OR IGNORE INTO story_mentions(story_id, item_id, source_id, matched_by) VALUES ($story, $item, $source, $matchedBy) RETURNING 1";

    // A mention is only ever added here, so the count moves by one when one was added; counting the story's
    // mentions again made every join cost as much as the story had mentions (quadratic on a story many feeds carry).
    private const string CountMention = "UPDATE stories SET mention_count = mention_count + 1 WHERE id = $story";

    /// <summary>The story holding the first of <paramref name="keys"/> that is known, with that key's position in the list.</summary>
    public async Task<(long StoryId, int KeyIndex)?> FindByKeysAsync(TransactionCommands sql, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (await sql.Command(FindByKey, ["$key"], [keys[i]]).ExecuteScalarAsync(cancellationToken) is long id)
            {
                return (id, i);
            }
        }

        return null;
    }

    /// <summary>The titles of those of <paramref name="ids"/> first seen since <paramref name="since"/>, in the order asked.</summary>
    public async Task<IReadOnlyList<(long Id, string Title)>> TitlesSinceAsync(
        TransactionCommands sql, IReadOnlyList<long> ids, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var titles = new Dictionary<long, string>(ids.Count);
        var list = JsonIds.Of(ids);
        await using (var reader = await sql.Command(TitlesInWindow, ["$ids", "$since"], [list, since.ToUnixTimeMilliseconds()]).ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                titles[reader.GetInt64(0)] = reader.GetString(1);
            }
        }

        return [.. ids.Where(titles.ContainsKey).Select(id => (id, titles[id]))];
    }

    /// <summary>The first story first seen at or after <paramref name="since"/>; null when there is none.</summary>
    public async Task<long?> FirstStorySinceAsync(TransactionCommands sql, DateTimeOffset since, CancellationToken cancellationToken) =>
        await sql.Command(FirstInWindow, ["$since"], [since.ToUnixTimeMilliseconds()]).ExecuteScalarAsync(cancellationToken) as long?;

    public async Task<long> LastStoryIdAsync(TransactionCommands sql, CancellationToken cancellationToken) =>
        (long)(await sql.Command("SELECT COALESCE(MAX(id), 0) FROM stories", [], []).ExecuteScalarAsync(cancellationToken))!;

    /// <summary>The title of each story created after <paramref name="afterId"/> and every title it was mentioned under, in story id order.</summary>
    public async Task ReadStoryTitlesAfterAsync(TransactionCommands sql, long afterId, Action<long, DateTimeOffset, string> onTitle, CancellationToken cancellationToken)
    {
        await using var reader = await sql.Command(StoryTitlesAfter, ["$after"], [afterId]).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onTitle(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2));
        }
    }

    public async Task<long> CreateAsync(TransactionCommands sql, NewStory story, CancellationToken cancellationToken) =>
        (long)(await sql.Command(Create, ["$url", "$title", "$summary", "$hash", "$published", "$seen", "$backlog"],
        [
            story.CanonicalUrl, story.Title, story.SummaryText, unchecked((long)story.NormalizedTitleHash),
            story.PublishedAt?.ToUnixTimeMilliseconds(), story.FirstSeenAt.ToUnixTimeMilliseconds(), story.IsBacklog ? 1 : 0,
        ]).ExecuteScalarAsync(cancellationToken))!;

    /// <summary>A story started by an item without a summary (a Hacker News link) takes the first real one that joins it.</summary>
    public async Task FillEmptySummaryAsync(TransactionCommands sql, long storyId, string summaryText, CancellationToken cancellationToken)
    {
        if (summaryText.Length > 0)
        {
            await sql.Command(FillSummary, ["$story", "$summary"], [storyId, summaryText]).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>A live (non-backlog) item joining a backlog story makes the story eligible for digests.</summary>
    public async Task MarkLiveAsync(TransactionCommands sql, long storyId, CancellationToken cancellationToken) =>
        await sql.Command(MarkLive, ["$story"], [storyId]).ExecuteNonQueryAsync(cancellationToken);

    public async Task AddKeysAsync(TransactionCommands sql, long storyId, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await sql.Command(AddKey, ["$key", "$story"], [key, storyId]).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Adds topic tags; a topic the story already has keeps its first matched term.</summary>
    public async Task AddTopicsAsync(TransactionCommands sql, long storyId, IEnumerable<(string Topic, string Term)> topics, CancellationToken cancellationToken)
    {
        foreach (var (topic, term) in topics)
        {
            await sql.Command(AddTopic, ["$story", "$topic", "$term"], [storyId, topic, term]).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <param name="matchedBy">How the item joined the story (<see cref="ClusterDecision.MatchedBy"/>), kept for /explain.</param>
    public async Task AddMentionAsync(TransactionCommands sql, long storyId, long itemId, long sourceId, string matchedBy, CancellationToken cancellationToken)
    {
        if (await sql.Command(AddMention, ["$story", "$item", "$source", "$matchedBy"], [storyId, itemId, sourceId, matchedBy]).ExecuteScalarAsync(cancellationToken) is not null)
        {
            await sql.Command(CountMention, ["$story"], [storyId]).ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
