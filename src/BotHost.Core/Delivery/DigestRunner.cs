using System.Globalization;
using BotHost.Core.Digests;
using BotHost.Core.Picks;
using BotHost.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Delivery;

/// <summary>
/// The entry points that turn a subscription into a delivery: its schedule (or a catch-up after downtime),
/// /digest now, instant mode after collecting, and the preview that records nothing. All of them compose through
/// <see cref="DigestComposer"/> and send through <see cref="DeliveryDispatcher"/>, so they render and deliver alike.
/// </summary>
public sealed class DigestRunner(
    SubscriptionStore subscriptions,
    CuratorPickStore picks,
    DigestComposer composer,
    DeliveryDispatcher dispatcher,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestRunner> logger)
{
    /// <summary>Picks older than this are no longer offered to a digest.</summary>
    public static readonly TimeSpan PickWindow = TimeSpan.FromDays(14);

    /// <summary>
    /// The digest due most recently (at or before now): composed and queued once, whether the trigger fired on time or
    /// late. One due more than Digests:MisfireGraceHours ago is skipped and logged; a period already delivered is left alone.
    /// </summary>
    public async Task<ComposeResult?> RunDueAsync(long subscriptionId, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetAsync(subscriptionId, cancellationToken);
        if (subscription is null || subscription.Paused || subscription.Mode == SubscriptionMode.Instant)
        {
            DigestRunLog.NotDue(logger, subscriptionId, subscription is null ? "it no longer exists" : subscription.Paused ? "it is paused" : "it is in instant mode");
            return null;
        }

        var now = time.GetUtcNow();
        if (LatestDue(subscription, now) is not { } due || due < subscription.CreatedAt)
        {
            DigestRunLog.NotDue(logger, subscriptionId, "no delivery time has passed since it was created");
            return null;
        }

        var grace = TimeSpan.FromHours(options.Value.MisfireGraceHours);
        if (now - due > grace)
        {
            DigestRunLog.MissedBeyondGrace(logger, subscriptionId, subscription.Name, due, now - due, grace);
            return null;
        }

        var reason = now - due > TimeSpan.FromMinutes(1) ? DeliveryReason.CatchUp : DeliveryReason.Scheduled;
        return await ComposeAndQueueAsync(subscription, Period(subscription, DeliveryTimes.PeriodKey(subscription, due), due, now), reason, cancellationToken);
    }

    /// <summary>/digest now: this period's digest, posted now; the scheduled one of the period is then not posted again.</summary>
    public Task<ComposeResult> RunNowAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var now = time.GetUtcNow();
        return ComposeAndQueueAsync(subscription, Period(subscription, DeliveryTimes.PeriodKey(subscription, now), now, now), DeliveryReason.Now, cancellationToken);
    }

    /// <summary>What /digest now would post at this moment; records nothing.</summary>
    public async Task<ComposeResult> PreviewAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var now = time.GetUtcNow();
        return await composer.PreviewAsync(subscription, Period(subscription, DeliveryTimes.PeriodKey(subscription, now), now, now), await PicksAsync(subscription, now, cancellationToken), cancellationToken);
    }

    /// <summary>Instant mode: every active instant subscription gets the new stories collected since its last batch, in one delivery each.</summary>
    public async Task<int> RunInstantAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var queued = 0;
        foreach (var subscription in (await subscriptions.ListActiveAsync(cancellationToken)).Where(s => s.Mode == SubscriptionMode.Instant))
        {
            var key = "instant-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
            var result = await ComposeAndQueueAsync(subscription, Period(subscription, key, now, now), DeliveryReason.Instant, cancellationToken);
            queued += result.Parts.Count > 0 ? 1 : 0;
        }

        return queued;
    }

    /// <summary>The latest scheduled delivery at or before <paramref name="now"/>, from the same function /subscribe shows.</summary>
    public static DateTimeOffset? LatestDue(Subscription subscription, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        DateTimeOffset? latest = null;
        var next = DeliveryTimes.NextAfter(subscription, now - TimeSpan.FromDays(8));
        while (next is { } at && at <= now)
        {
            latest = at;
            next = DeliveryTimes.NextAfter(subscription, at);
        }

        return latest;
    }

    private async Task<ComposeResult> ComposeAndQueueAsync(Subscription subscription, DigestPeriod period, DeliveryReason reason, CancellationToken cancellationToken)
    {
        var result = await composer.ComposeAsync(subscription, period, reason, await PicksAsync(subscription, period.Now, cancellationToken), cancellationToken);
        if (result.DeliveryId is { } id && result.Parts.Count > 0)
        {
            dispatcher.Enqueue(id);
        }

        if (result.Existing is not null)
        {
            DigestRunLog.AlreadyComposed(logger, subscription.Id, subscription.Name, period.Key);
        }
        else
        {
            DigestRunLog.Composed(logger, subscription.Id, subscription.Name, period.Key, reason, result.Selection!.Digest.Entries.Count);
        }
        return result;
    }

    private async Task<IReadOnlyDictionary<long, DigestPick>> PicksAsync(Subscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var list = await picks.PicksForChannelAsync(subscription.Channel, now - PickWindow, cancellationToken);
        return list.GroupBy(p => p.StoryId).ToDictionary(g => g.Key, g => new DigestPick(g.Last().PickedByName, g.Last().Note));
    }

    private DigestPeriod Period(Subscription subscription, string key, DateTimeOffset due, DateTimeOffset now)
    {
        var length = subscription.Mode == SubscriptionMode.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromHours(options.Value.WindowHours);
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, DeliveryTimes.ZoneOf(subscription)).DateTime);
        return new DigestPeriod(key, local, length, now);
    }
}
