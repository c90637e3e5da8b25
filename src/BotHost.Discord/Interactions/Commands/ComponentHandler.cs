namespace BotHost.Discord.Interactions.Commands;

/// <summary>Handles message components and modal submissions whose custom_id starts with <see cref="CustomIdPrefix"/>.</summary>
public abstract class ComponentHandler
{
    /// <summary>Routing key; the longest matching prefix wins. Put state after it, e.g. "digest:more:123".</summary>
    public abstract string CustomIdPrefix { get; }

    /// <summary>When slow, defer with DEFERRED_UPDATE_MESSAGE (edit the clicked message) instead of a new message.</summary>
    public virtual bool UpdatesMessage => false;

    /// <summary>When slow and not updating, the deferred new message is ephemeral.</summary>
    public virtual bool Ephemeral => true;

    public abstract Task<CommandResponse> HandleAsync(ComponentContext context, CancellationToken cancellationToken);
}
