using BotHost.Core.Digests;
using BotHost.Core.Storage;
using BotHost.Core.Subscriptions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Delivery;

/// <summary>
/// Composes one subscription's digest for one period and records it in the outbox in the same transaction that
/// picks its stories (a write transaction, so two composers for one channel never pick the same story), before
/// anything is sent. A period that already has a digest is never composed again. Preview runs the same
/// selection and rendering without recording anything.
/// </summary>
public sealed class DigestComposer(
    SqliteConnectionFactory connections,
    DigestSelector selector,
    DigestRenderer renderer,
    OutboxStore outbox,
    IOptions<DigestOptions> options)
{
    public async Task<ComposeResult> ComposeAsync(
        Subscription subscription, DigestPeriod period, DeliveryReason reason, IReadOnlyDictionary<long, DigestPick> picks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        if (await outbox.ForPeriodAsync(connection, subscription.Id, period.Key, cancellationToken) is { } existing)
        {
            return new ComposeResult(null, existing, null, []);
        }

        var (selection, parts) = await SelectAndRenderAsync(connection, subscription, period, picks, cancellationToken);
        if (selection.Digest.Entries.Count == 0 && reason is DeliveryReason.Instant or DeliveryReason.Now)
        {
            // Nothing new on request (or in an instant batch) is not the period's digest: recording it would keep the
            // scheduled digest from posting what arrives later.
            return new ComposeResult(null, null, selection, []);
        }

        var id = await outbox.CreateAsync(tx, new NewDelivery(
            subscription.Id, subscription.Channel, period.Key, reason, [.. selection.Digest.Entries.Select(e => e.StoryId)], parts, period.Now), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return new ComposeResult(id, null, selection, parts);
    }

    /// <summary>Exactly what <see cref="ComposeAsync"/> would record now, without recording it.</summary>
    public async Task<ComposeResult> PreviewAsync(Subscription subscription, DigestPeriod period, IReadOnlyDictionary<long, DigestPick> picks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (selection, parts) = await SelectAndRenderAsync(connection, subscription, period, picks, cancellationToken);
        return new ComposeResult(null, await outbox.ForPeriodAsync(connection, subscription.Id, period.Key, cancellationToken), selection, parts);
    }

    private async Task<(DigestSelection Selection, IReadOnlyList<DigestPart> Parts)> SelectAndRenderAsync(
        SqliteConnection connection, Subscription subscription, DigestPeriod period, IReadOnlyDictionary<long, DigestPick> picks, CancellationToken cancellationToken)
    {
        var last = await outbox.LastCompletedAsync(connection, subscription.Id, cancellationToken);
        var since = Since(last, period);
        var posted = await outbox.StoriesPostedToAsync(connection, subscription.Channel, cancellationToken);
        var selection = await selector.SelectAsync(
            connection, subscription, new DigestRequest(period.Key, period.LocalDate, period.Now, since), posted, picks, cancellationToken);
        var parts = renderer.Render(selection.Digest);
        if (parts.Count == 0 && options.Value.PostWhenEmpty)
        {
            parts = [renderer.RenderEmpty(selection.Digest)];
        }

        return (selection, parts);
    }

    // New means first seen after the previous digest was composed; a first digest looks back one period.
    // However long the bot was down, a digest never reaches further back than a few periods.
    private static DateTimeOffset Since(DeliverySummary? last, DigestPeriod period)
    {
        var oldest = period.Now - (period.Length * 3);
        var since = last?.CreatedAt ?? period.Now - period.Length;
        return since < oldest ? oldest : since;
    }
}
