using System.Globalization;
using System.Text;
using BotHost.Core.Digests;
using BotHost.Core.Sources;
using BotHost.Core.Storage;
using BotHost.Core.Stories;
using BotHost.Core.Subscriptions;

namespace BotHost.Core.Delivery;

/// <summary>
/// /explain: why a link was or would be in a channel's digest, or why not. Names the sources that had it and how
/// each mention joined its story, the topic terms that matched, the filter that dropped it (curation at collection,
/// or the subscription's own filters), its rank and score parts in the digest that would be posted now, and when it
/// was or will be posted. Answers in chat Markdown, feed text escaped. Another server's own feeds stay out of it.
/// </summary>
public sealed class StoryExplainer(
    SqliteConnectionFactory connections,
    StoryDigestQueries stories,
    SubscriptionStore subscriptions,
    SubscriptionFilter filter,
    OutboxStore outbox,
    DigestRunner runner,
    SourceVisibility visibility,
    TimeProvider time)
{
    public async Task<string> ExplainAsync(ChannelKey channel, string url, string? subscriptionName, CancellationToken cancellationToken)
    {
        if (!UrlCanonicalizer.TryCanonicalize(url, out var canonical, out var error))
        {
            return $"That link cannot be read: {error}";
        }

        // Another server's own feeds are neither shown nor named here (see SourceVisibility).
        var hidden = await visibility.HiddenFromAsync(channel.GuildId, cancellationToken);
        StoryForDigest? story;
        IReadOnlyList<DroppedItemRecord> dropped;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            story = await stories.FindByCanonicalUrlAsync(connection, canonical, hidden, cancellationToken);
            dropped = await stories.DroppedItemsAsync(connection, canonical, hidden, cancellationToken);
        }

        var sb = new StringBuilder();
        if (story is null)
        {
            if (dropped.Count == 0)
            {
                return $"BotHost has not collected <{canonical}>. It becomes a candidate when one of the configured sources lists it (see /sources).";
            }

            sb.Append(CultureInfo.InvariantCulture, $"**Not a story: curation dropped it when it was collected**, so no digest can post <{canonical}>.\n");
            foreach (var item in dropped)
            {
                sb.Append(CultureInfo.InvariantCulture, $"• {ChatText.Escape(item.SourceName)} had \"{ChatText.EscapeAndCut(item.Title, 120)}\" on {item.SeenAt:yyyy-MM-dd}: dropped as **{item.Reason}**: {ChatText.EscapeAndCut(item.Explanation, 300)}\n");
            }

            return sb.ToString().TrimEnd();
        }

        sb.Append(CultureInfo.InvariantCulture, $"**{ChatText.EscapeAndCut(story.Title, 200)}**\n<{story.Url ?? canonical}>\n");
        AppendSources(sb, story);
        sb.Append("Topics: ").Append(story.Topics.Count == 0 ? "none matched" : string.Join(", ", story.Topics.Select(t => $"{t.Topic} (\"{ChatText.Escape(t.MatchedTerm)}\")"))).Append('\n');
        foreach (var item in dropped)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Also dropped once at collection: {ChatText.Escape(item.SourceName)}'s item, as {item.Reason}: {ChatText.EscapeAndCut(item.Explanation, 200)}\n");
        }

        var all = await subscriptions.ListForChannelAsync(channel, cancellationToken);
        var chosen = string.IsNullOrWhiteSpace(subscriptionName) ? all : [.. all.Where(s => string.Equals(s.Name, subscriptionName.Trim(), StringComparison.OrdinalIgnoreCase))];
        if (chosen.Count == 0)
        {
            sb.Append(all.Count == 0 ? "This channel has no subscription, so nothing is posted here; create one with /subscribe." : $"This channel has no subscription named \"{ChatText.Escape(subscriptionName!)}\".");
            return sb.ToString().TrimEnd();
        }

        if (await outbox.DeliveryOfStoryAsync(channel, story.Id, cancellationToken) is { } posted)
        {
            sb.Append(CultureInfo.InvariantCulture, $"**Posted here** on {posted.CreatedAt:yyyy-MM-dd HH:mm} UTC in the digest of {posted.PeriodKey} ({posted.Reason.ToString().ToLowerInvariant()}, {posted.Status.ToString().ToLowerInvariant()}); a story is never posted to a channel twice.\n");
            return sb.ToString().TrimEnd();
        }

        foreach (var subscription in chosen)
        {
            await AppendSubscriptionAsync(sb, subscription, story, cancellationToken);
        }

        return Cut(sb.ToString().TrimEnd());
    }

    private static void AppendSources(StringBuilder sb, StoryForDigest story)
    {
        sb.Append("Sources: ");
        sb.AppendJoin("; ", story.Mentions.Select(m =>
            $"{ChatText.Escape(m.SourceName)} ({m.SeenAt:yyyy-MM-dd HH:mm}, {JoinedBy(m.MatchedBy)}{(m.Engagement.IsNone ? "" : $", {m.Engagement.Points} points, {m.Engagement.Comments} comments")})"));
        sb.Append('\n');
    }

    private static string JoinedBy(string matchedBy) => matchedBy switch
    {
        ClusterDecision.ByUrl => "joined by the same article URL",
        ClusterDecision.ByDiscussionUrl => "joined by a shared discussion link",
        ClusterDecision.BySummary => "joined by an identical summary",
        ClusterDecision.ByCreation => "started the story",
        var title when title.StartsWith(ClusterDecision.ByTitle, StringComparison.Ordinal) => $"joined by a similar title, score {title[ClusterDecision.ByTitle.Length..].Trim()}",
        "" => "joined before match reasons were kept",
        var other => "joined by " + other,
    };

    private async Task AppendSubscriptionAsync(StringBuilder sb, Subscription subscription, StoryForDigest story, CancellationToken cancellationToken)
    {
        sb.Append(CultureInfo.InvariantCulture, $"\n__Subscription **{ChatText.Escape(subscription.Name)}**__{(subscription.Paused ? " (paused: " + ChatText.Escape(subscription.PausedReason ?? "") + ")" : "")}\n");
        var preview = await runner.PreviewAsync(subscription, cancellationToken);
        var candidate = preview.Selection!.Candidates.FirstOrDefault(c => c.Story.Id == story.Id);
        var next = subscription.Paused ? null : DeliveryTimes.NextAfter(subscription, time.GetUtcNow());
        var when = next is { } at
            ? $"the next digest is due {at:yyyy-MM-dd HH:mm} UTC{(subscription.TimeZone == "UTC" ? "" : $" ({TimeZoneInfo.ConvertTime(at, DeliveryTimes.ZoneOf(subscription)):yyyy-MM-dd HH:mm} {subscription.TimeZone})")}"
            : subscription.Mode == SubscriptionMode.Instant ? "instant mode posts it shortly after the next collection" : "it is paused, so nothing is posted";
        if (candidate is null)
        {
            var verdict = filter.Judge(subscription, story);
            sb.Append(verdict.Kept
                ? $"✓ Filters: {verdict.Explanation}\n✗ Not a candidate now: it was first seen {story.FirstSeenAt:yyyy-MM-dd HH:mm} UTC, before this digest's window ({preview.Selection.Request.Since:yyyy-MM-dd HH:mm} UTC); only stories first seen since the previous digest are new."
                : $"✗ Dropped by **{verdict.DroppedBy}**: {verdict.Explanation}");
            sb.Append('\n');
            return;
        }

        if (!candidate.Verdict.Kept)
        {
            sb.Append(CultureInfo.InvariantCulture, $"✗ Dropped by **{candidate.Verdict.DroppedBy}**: {candidate.Verdict.Explanation}\n");
            return;
        }

        sb.Append(CultureInfo.InvariantCulture, $"✓ Filters: {candidate.Verdict.Explanation}\n");
        sb.Append(CultureInfo.InvariantCulture, $"Score {candidate.Score}\n");
        sb.Append(candidate.Rank is { } rank
            ? $"✓ Rank {rank} of {preview.Selection.Digest.Entries.Count} in the digest that would be posted now; {when}."
            : $"✗ Left out for now: {candidate.LeftOutBecause} It stays a candidate while newer digests look back to it; {when}.");
        sb.Append('\n');
    }

    // A chat answer is at most 2000 characters.
    private static string Cut(string text) => ChatText.Cut(text, MessageLimits.ContentLength);
}
