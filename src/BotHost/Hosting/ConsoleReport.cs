using System.Collections.Concurrent;
using BotHost.Core.Collecting;
using BotHost.Core.Delivery;
using BotHost.Core.Digests;
using BotHost.Core.Scheduling;
using BotHost.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace BotHost.Hosting;

/// <summary>
/// The offline run's report after the first collection: what was collected, then the local pretend channel's
/// digest, composed and "delivered" by the same code as in Discord (outbox, dispatcher) through the console sink.
/// The local subscription is created on first use, so a newcomer sees a digest without setting anything up.
/// </summary>
public sealed class ConsoleReport(
    SubscriptionService subscriptions,
    DigestRunner runner,
    DeliveryDispatcher dispatcher,
    IOptions<DigestOptions> options,
    TimeProvider time,
    TextWriter? output = null) : ICollectionListener
{
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(30);
    private readonly TextWriter _out = output ?? Console.Out;

    public async Task OnFirstRoundCompletedAsync(IReadOnlyList<CollectionOutcome> outcomes, CancellationToken cancellationToken)
    {
        await _out.WriteLineAsync(CollectionReportText.Render(outcomes));
        var subscription = await LocalSubscriptionAsync(cancellationToken);
        if (subscription is null)
        {
            await _out.WriteLineAsync("The local pretend channel's subscription is paused; no digest is delivered (resume it with the `command` verb).");
        }
        else
        {
            await _out.WriteLineAsync($"=== Today's digest of the local pretend channel (subscription \"{subscription.Name}\"), delivered through the console sink; configure Discord:Token to post to Discord ===");
            await DeliverAsync(subscription, cancellationToken);
        }

        await _out.WriteLineAsync("BotHost keeps collecting on schedule. Press Ctrl+C to stop.");
        await _out.FlushAsync(cancellationToken);
    }

    private async Task<Subscription?> LocalSubscriptionAsync(CancellationToken cancellationToken)
    {
        var found = await subscriptions.FindAsync(ChannelKey.Local, null, cancellationToken);
        if (found.Subscription is { } existing)
        {
            return existing.Paused ? null : existing;
        }

        var created = await subscriptions.SubscribeAsync(
            ChannelKey.Local, new SubscriptionRequest { Name = Subscription.DefaultName, Size = options.Value.MaxStories }, cancellationToken);
        return created.Subscription ?? throw new InvalidOperationException("Creating the local pretend channel's subscription failed: " + created.Error);
    }

    private async Task DeliverAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        // The dispatcher may finish before RunNowAsync returns the id, so every finished delivery gets a signal.
        var finished = new ConcurrentDictionary<long, TaskCompletionSource>();
        TaskCompletionSource Signal(long id) => finished.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        void OnFinished(long id, DeliveryStatus? status)
        {
            if (status is not DeliveryStatus.Pending)
            {
                Signal(id).TrySetResult();
            }
        }

        dispatcher.Finished += OnFinished;
        try
        {
            var result = await runner.RunNowAsync(subscription, cancellationToken);
            if (result.Existing is { } existing)
            {
                var next = DeliveryTimes.NextAfter(subscription, time.GetUtcNow());
                await _out.WriteLineAsync(
                    $"Today's digest ({existing.PeriodKey}) was already delivered at {existing.CreatedAt:yyyy-MM-dd HH:mm} UTC with {existing.StoryCount} stories; " +
                    $"stories are never delivered to a channel twice. The next digest is due at {next:yyyy-MM-dd HH:mm} UTC.");
                return;
            }

            if (result.Parts.Count == 0)
            {
                await _out.WriteLineAsync("No new stories for the local channel; nothing was delivered.");
                return;
            }

            await Signal(result.DeliveryId!.Value).Task.WaitAsync(DeliveryWait, time, cancellationToken);
        }
        finally
        {
            dispatcher.Finished -= OnFinished;
        }
    }
}
