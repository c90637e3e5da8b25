using BotHost.Core.Feeds;
using BotHost.Core.Feeds.Fetching;
using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Stories;
using BotHost.Core.Subscriptions;

namespace BotHost.Core.Picks;

/// <summary>
/// The human half of curation: a member shares a link into a channel. A link a feed already brought becomes a pick
/// of that story; a new one is fetched once (through the feed fetcher, so the same private-address guard, size cap
/// and deadline apply), named from its OpenGraph or &lt;title&gt; tags, stored, and picked.
/// </summary>
public sealed class ShareService(
    StoryQueries stories,
    SharedStoryRecorder sharedStories,
    CuratorPickStore picks,
    SubscriptionStore subscriptions,
    FeedFetcher fetcher,
    TimeProvider time)
{
    public const int MaxNoteLength = 300;

    public async Task<ShareResult> ShareAsync(ShareRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note?.Length > MaxNoteLength)
        {
            return ShareResult.Refused($"The note may have at most {MaxNoteLength} characters; yours has {note.Length}. Keep it to a line or two.");
        }

        var restricted = await RequiredRolesAsync(request, cancellationToken);
        if (restricted.Count > 0)
        {
            return new ShareResult(ShareOutcome.NotAllowed, null, null, null, restricted);
        }

        if (!UrlCanonicalizer.TryCanonicalize(request.Url, out var canonical, out var urlError))
        {
            return ShareResult.Refused($"That link cannot be shared: {urlError}");
        }

        var now = time.GetUtcNow();
        var story = await stories.FindByUrlAsync(canonical, request.Channel.GuildId, cancellationToken);
        var collected = story is { MentionCount: > 0 };
        if (story is null)
        {
            var fetch = await fetcher.FetchAsync(new FetchRequest(canonical), cancellationToken);
            if (fetch.Status != FetchStatus.Ok || fetch.Body is null)
            {
                return ShareResult.Refused($"I could not fetch that page, so nothing was shared: {fetch.Error ?? "no content"}");
            }

            var page = PageMetadataReader.Read(fetch.Body, fetch.ContentType, fetch.FinalUri ?? new Uri(canonical));
            var (storyId, _) = await sharedStories.FindOrCreateAsync(canonical, page.Title, page.Description, now, cancellationToken);
            story = (await stories.GetManyAsync([storyId], request.Channel.GuildId, cancellationToken))[0];
        }

        var (pick, added) = await picks.AddAsync(request.Channel, story.StoryId, request.MemberId, request.MemberName, note, now, cancellationToken);
        var outcome = !added ? ShareOutcome.AlreadyPicked : collected ? ShareOutcome.AlreadyCollected : ShareOutcome.Picked;
        return new ShareResult(outcome, story, pick, null, []);
    }

    // Anyone may share unless every subscription of the channel names a sharing role, and the member holds none.
    private async Task<IReadOnlyList<ulong>> RequiredRolesAsync(ShareRequest request, CancellationToken cancellationToken)
    {
        var here = await subscriptions.ListForChannelAsync(request.Channel, cancellationToken);
        if (here.Count == 0 || here.Any(s => s.ShareRoleId is null))
        {
            return [];
        }

        var roles = here.Select(s => s.ShareRoleId!.Value).Distinct().ToList();
        return roles.Any(request.MemberRoleIds.Contains) ? [] : roles;
    }
}
