using BotHost.Core.Sources;
using BotHost.Core.Stories;
using BotHost.Core.Subscriptions;
using Microsoft.Data.Sqlite;

namespace BotHost.Core.Digests;

/// <summary>
/// Chooses a subscription's digest: stories first seen since the request's start (plus the channel's curator
/// picks, however old), minus those the channel already got, judged by <see cref="SubscriptionFilter"/> and
/// ranked by <see cref="DigestRanker"/>. Reads go through the caller's connection so a composer can choose and
/// record in one transaction. A guild's digests never show, nor name, the feeds only other guilds added
/// (<see cref="SourceVisibility"/>).
/// </summary>
public sealed class DigestSelector(
    StoryDigestQueries stories, SubscriptionFilter filter, DigestRanker ranker, FeedbackStore feedback, SourceCatalog catalog, SourceVisibility visibility)
{
    public const int CandidateLimit = 500;

    /// <param name="alreadyPosted">Stories this channel already got or is getting, from any of its subscriptions.</param>
    public async Task<DigestSelection> SelectAsync(
        SqliteConnection connection,
        Subscription subscription,
        DigestRequest request,
        IReadOnlySet<long> alreadyPosted,
        IReadOnlyDictionary<long, DigestPick> picks,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(request);
        var hidden = await visibility.HiddenFromAsync(subscription.Channel.GuildId, cancellationToken);
        var candidates = (await stories.SinceAsync(connection, request.Since, CandidateLimit, hidden, cancellationToken)).ToList();
        foreach (var picked in picks.Keys.Where(id => candidates.TrueForAll(c => c.Id != id)))
        {
            if (await stories.GetAsync(connection, picked, hidden, cancellationToken) is { } story)
            {
                candidates.Add(story);
            }
        }

        var inputs = new RankingInputs(
            request.Now,
            catalog.Sources.ToDictionary(s => s.Name, s => s.Weight, StringComparer.Ordinal),
            picks,
            await feedback.NetVotesBySourceAsync(connection, subscription.Channel, cancellationToken));
        var judged = candidates
            .Where(c => !alreadyPosted.Contains(c.Id))
            .Select(c => (c, picks.ContainsKey(c.Id) && !c.IsBacklog ? FilterVerdict.Keep(c.Topics, "a member picked it for this channel.") : filter.Judge(subscription, c)))
            .ToList();
        var ranked = ranker.Rank(judged, inputs, Math.Clamp(subscription.Size, 1, 25));
        var entries = ranked.Where(r => r.Chosen).OrderBy(r => r.Rank).Select(r => Entry(r, subscription, picks)).ToList();
        return new DigestSelection(new Digest(subscription.Id, subscription.Name, request.PeriodKey, request.LocalDate, entries), ranked, request);
    }

    private static DigestEntry Entry(RankedStory ranked, Subscription subscription, IReadOnlyDictionary<long, DigestPick> picks)
    {
        var story = ranked.Story;
        var sources = story.Sources;
        var topics = subscription.Topics.Count > 0 ? ranked.Verdict.MatchedTopics : story.Topics;
        return new DigestEntry(
            ranked.Rank!.Value,
            story.Id,
            story.Title,
            story.Url,
            story.SummaryText,
            sources.Count > 0 ? sources[0] : "unknown source",
            [.. sources.Skip(1)],
            [.. topics.Select(t => t.Topic)],
            picks.GetValueOrDefault(story.Id),
            ranked.Score!);
    }
}
