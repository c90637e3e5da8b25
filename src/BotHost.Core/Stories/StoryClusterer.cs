using System.Security.Cryptography;
using System.Text;
using BotHost.Core.Storage;

namespace BotHost.Core.Stories;

/// <summary>
/// Finds the story an item belongs to, or creates one. Exact keys first (article URL, discussion URL,
/// a long identical summary), then near-duplicate titles among stories that share a title band
/// (<see cref="TitleBandIndex"/>). Every lookup is an index probe, so the cost per item does not grow with the
/// number of stories.
/// </summary>
public sealed class StoryClusterer(StoryStore stories, TitleBandIndex bands)
{
    /// <summary>Titles are only compared with stories first seen this recently ("Rust 1.80 released" recurs yearly).</summary>
    public static readonly TimeSpan TitleMatchWindow = TimeSpan.FromDays(14);

    /// <summary>How many of its newest stories each band (and the exact title hash) offers as candidates.</summary>
    public const int MaxStoriesPerProbe = 256;

    // Candidates come ranked by shared bands, so the true duplicate is among the first few.
    private const int MaxTitleCandidates = 8;
    private const int MinSummaryKeyLength = 120;

    private DateTimeOffset? _indexedSince;
    private long _readThrough;
    private bool _holdsUncommitted;
    private readonly WeakReference<TransactionCommands> _readIn = new(null!);

    public async Task<ClusterDecision> AssignAsync(TransactionCommands sql, StoryCandidate item, CancellationToken cancellationToken)
    {
        var keys = KeysOf(item);
        var fingerprint = TitleFingerprinter.Compute(item.Title);
        var windowStart = item.SeenAt - TitleMatchWindow;
        await ReadTitleIndexAsync(sql, item.SeenAt, cancellationToken);

        var byKey = await stories.FindByKeysAsync(sql, keys, cancellationToken);
        var storyId = byKey?.StoryId;
        var matchedBy = byKey is { } found ? KeyKind(item, keys, found.KeyIndex) : ClusterDecision.ByCreation;
        if (storyId is null)
        {
            var candidates = await stories.TitlesSinceAsync(sql, bands.Candidates(fingerprint, windowStart, MaxTitleCandidates, MaxStoriesPerProbe), windowStart, cancellationToken);
            var best = candidates
                .Select(c => (c.Id, Score: StoryMatcher.TitleScore(fingerprint, TitleFingerprinter.ForScoring(c.Title))))
                .Where(c => c.Score >= StoryMatcher.SameStoryThreshold)
                .OrderByDescending(c => c.Score)
                .FirstOrDefault();
            if (best.Id != 0)
            {
                storyId = best.Id;
                matchedBy = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ClusterDecision.ByTitle} {best.Score:0.00}");
            }
        }

        var created = storyId is null;
        if (!created)
        {
            await stories.FillEmptySummaryAsync(sql, storyId!.Value, item.SummaryText, cancellationToken);
            if (!item.IsBacklog)
            {
                await stories.MarkLiveAsync(sql, storyId.Value, cancellationToken);
            }
        }

        storyId ??= await stories.CreateAsync(sql, new NewStory(
            TitleNormalizer.DisplayTitle(item.Title), item.SummaryText, item.CanonicalUrl, fingerprint.NormalizedHash, item.PublishedAt, item.SeenAt, item.IsBacklog), cancellationToken);

        // Every variant joins the story, so a later item matching any of them lands here too.
        await stories.AddKeysAsync(sql, storyId.Value, keys, cancellationToken);
        bands.Add(storyId.Value, created ? item.SeenAt : default, fingerprint);
        _holdsUncommitted = true;
        _readThrough = Math.Max(_readThrough, storyId.Value);
        await stories.AddMentionAsync(sql, storyId.Value, item.ItemId, item.SourceId, matchedBy, cancellationToken);
        return new ClusterDecision(storyId.Value, created, matchedBy);
    }

    /// <summary>
    /// Call when the transaction the last assignments ran in did not commit: the index may hold stories that were
    /// never stored, whose ids the database will hand out again. It is read afresh on the next assignment, unless
    /// that transaction assigned nothing (it failed before, e.g. on a locked database): reading the window of a large
    /// store again takes seconds.
    /// </summary>
    public void ForgetUncommitted()
    {
        _readIn.SetTarget(null!);
        if (!_holdsUncommitted)
        {
            return;
        }

        bands.Clear();
        _indexedSince = null;
        _holdsUncommitted = false;
    }

    /// <summary>Call once the transaction the last assignments ran in has committed: what they added to the index is stored.</summary>
    public void Committed() => _holdsUncommitted = false;

    /// <summary>
    /// Brings the title index up to date for items seen at <paramref name="now"/>: it holds the stories of the match
    /// window, read from the database on first use and again once the window has moved on by a whole window (what
    /// fell out of it is then dropped), and otherwise catches up with stories another writer stored.
    /// <see cref="AssignAsync"/> does this itself; call it to pay the first read before items arrive.
    /// </summary>
    public async Task ReadTitleIndexAsync(TransactionCommands sql, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Once a transaction has written, no other writer can store a story until it ends: one read per transaction.
        if (_readIn.TryGetTarget(out var readIn) && ReferenceEquals(sql, readIn))
        {
            return;
        }

        var windowStart = now - TitleMatchWindow;
        if (_indexedSince is not { } since || windowStart - since > TitleMatchWindow)
        {
            bands.Clear();
            _readThrough = await stories.FirstStorySinceAsync(sql, windowStart, cancellationToken) is { } first ? first - 1 : await stories.LastStoryIdAsync(sql, cancellationToken);
            _indexedSince = windowStart;
        }

        await stories.ReadStoryTitlesAfterAsync(sql, _readThrough, AddTitle, cancellationToken);
        _readIn.SetTarget(sql);
    }

    private void AddTitle(long storyId, DateTimeOffset firstSeen, string title)
    {
        bands.Add(storyId, firstSeen, TitleFingerprinter.Compute(title));
        _readThrough = Math.Max(_readThrough, storyId);
    }

    // KeysOf lists the article URL first (when there is one), then the discussion URL, then the summary.
    private static string KeyKind(StoryCandidate item, List<string> keys, int index) =>
        keys[index].StartsWith("s:", StringComparison.Ordinal) ? ClusterDecision.BySummary
        : index == 0 && item.CanonicalUrl is not null ? ClusterDecision.ByUrl
        : ClusterDecision.ByDiscussionUrl;

    internal static List<string> KeysOf(StoryCandidate item)
    {
        var keys = new List<string>(3);
        if (item.CanonicalUrl is not null)
        {
            keys.Add("u:" + UrlCanonicalizer.KeyOfCanonical(item.CanonicalUrl));
        }

        // Hacker News carries the article in <link> and its thread in <comments>; an item elsewhere whose
        // link is that thread is the same story.
        if (item.CanonicalCommentsUrl is not null)
        {
            keys.Add("u:" + UrlCanonicalizer.KeyOfCanonical(item.CanonicalCommentsUrl));
        }

        var summary = item.SummaryText.TrimEnd('…').Trim();
        if (summary.Length >= MinSummaryKeyLength)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(summary.ToLowerInvariant()));
            keys.Add("s:" + Convert.ToHexString(hash, 0, 12));
        }

        return keys;
    }
}
