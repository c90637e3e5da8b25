using BotHost.Core.Collecting;
using BotHost.Core.Scheduling;

namespace BotHost.Tests.Hosting;

/// <summary>Completes with the outcomes of the host's first collection round: whole-host tests wait for it instead of sleeping.</summary>
internal sealed class FirstRoundSignal : ICollectionListener
{
    public TaskCompletionSource<IReadOnlyList<CollectionOutcome>> Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task OnFirstRoundCompletedAsync(IReadOnlyList<CollectionOutcome> outcomes, CancellationToken cancellationToken)
    {
        Completed.TrySetResult(outcomes);
        return Task.CompletedTask;
    }
}
