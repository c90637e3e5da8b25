using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Sources;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Collecting;

/// <summary>
/// Stores one parsed feed: new items (deduped within the source by id and canonical URL), curation
/// verdicts, story assignment and the source's fetch state, all in one transaction, so a crash never
/// leaves items without their story or the validators ahead of the items.
/// </summary>
public sealed class ItemIngestor(
    SqliteConnectionFactory connections, StoryWriteGate writer, ItemStore items, StoryClusterer clusterer, SearchIndexer search, NoiseCurator curator, TopicFilter topics, StoryTopicTagger tagger, SourceStore sources, TimeProvider time)
{
    private const int IngestCacheKib = 64 * 1024;

    /// <summary>Dates further ahead than this are clamped to the time the item was first seen.</summary>
    public static readonly TimeSpan FutureDateTolerance = TimeSpan.FromHours(1);

    /// <param name="sourceTopics">The source's configured topics (<see cref="SourceDefinition.Topics"/>); empty means no topic filtering.</param>
    public async Task<IngestSummary> IngestAsync(
        SourceState source, IReadOnlyList<string> sourceTopics, ParsedFeed feed, bool asBacklog, FetchResult fetch, DateTimeOffset nextFetchAt, CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken);
        try
        {
            return await IngestOneAtATimeAsync(source, sourceTopics, feed, asBacklog, fetch, nextFetchAt, cancellationToken);
        }
        catch
        {
            // Rolled back (or unknown whether it committed): the stories it created must not stay in the title index.
            clusterer.ForgetUncommitted();
            throw;
        }
        finally
        {
            writer.Release();
        }
    }

    /// <summary>Reads the stories near-duplicate titles are matched against, so the first feed stored does not wait for it.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await ConnectionAsync(cancellationToken);
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var sql = new TransactionCommands(tx);
            await clusterer.ReadTitleIndexAsync(sql, time.GetUtcNow(), cancellationToken);
        }
        finally
        {
            writer.Release();
        }
    }

    // SQLite's default 2 MB page cache holds few of a large store's index pages, so each item's inserts would read theirs
    // again; the pooled connection keeps the larger one between feeds while no other connection writes.
    private async Task<SqliteConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA cache_size = -{IngestCacheKib}";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private async Task<IngestSummary> IngestOneAtATimeAsync(
        SourceState source, IReadOnlyList<string> sourceTopics, ParsedFeed feed, bool asBacklog, FetchResult fetch, DateTimeOffset nextFetchAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await ConnectionAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var sql = new TransactionCommands(tx);

        int newItems = 0, seen = 0, newStories = 0, joined = 0;
        var dropped = new List<DroppedItem>();
        var canonicals = feed.Items.Select(item => Canonical(item.Url)).ToList();
        var known = await items.TouchKnownAsync(sql, source.Id, [.. feed.Items.Select((item, i) => (item.Id, canonicals[i]))], now, cancellationToken);
        for (var i = 0; i < feed.Items.Count; i++)
        {
            var item = feed.Items[i];
            var canonical = canonicals[i];
            if (known.Contains(item.Id, canonical))
            {
                seen++;
                continue;
            }

            var verdict = curator.Judge(item);
            if (verdict.Keep)
            {
                verdict = topics.Judge(item, sourceTopics);
            }

            var published = item.Published is { } p && p > now + FutureDateTolerance ? now : item.Published;
            var itemId = await items.InsertAsync(sql, new StoredItem(
                source.Id, item.Id, item.Url, canonical, item.CommentsUrl, item.Title, item.SummaryText,
                published, now, asBacklog, verdict.Reason, verdict.Explanation), cancellationToken);
            known.Add(item.Id, canonical);
            newItems++;
            if (!verdict.Keep)
            {
                dropped.Add(new DroppedItem(item.Title, verdict.Reason!, verdict.Explanation!));
                continue;
            }

            var decision = await clusterer.AssignAsync(sql, new StoryCandidate(
                itemId, source.Id, item.Title, WithoutCommentsLink(item.SummaryText), canonical, Canonical(item.CommentsUrl), published, now, asBacklog), cancellationToken);
            await tagger.TagAsync(sql, decision.StoryId, item, sourceTopics, cancellationToken);
            if (decision.Created)
            {
                newStories++;
            }
            else
            {
                joined++;
            }
        }

        await search.IndexFullBatchAsync(sql, cancellationToken);
        await sources.RecordSuccessAsync(tx, source.Id, fetch.ETag, fetch.LastModified, nextFetchAt, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        clusterer.Committed();
        return new IngestSummary(feed.Items.Count, newItems, seen, newStories, joined, dropped);
    }

    // Aggregators (Hacker News, Lobsters) describe an item with nothing but a "Comments" link.
    private static string WithoutCommentsLink(string summary) =>
        summary.EndsWith("Comments", StringComparison.OrdinalIgnoreCase) && (summary.Length == 8 || char.IsWhiteSpace(summary[^9]))
            ? summary[..^8].TrimEnd()
            : summary;

    private static string? Canonical(string? url) =>
        url is not null && UrlCanonicalizer.TryCanonicalize(url, out var canonical, out _) ? canonical : null;
}
