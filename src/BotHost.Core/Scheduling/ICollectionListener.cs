using BotHost.Core.Collecting;

namespace BotHost.Core.Scheduling;

/// <summary>Told when the first collection round after start has finished (the offline console report listens).</summary>
public interface ICollectionListener
{
    Task OnFirstRoundCompletedAsync(IReadOnlyList<CollectionOutcome> outcomes, CancellationToken cancellationToken);
}
