using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Interactions.Commands;

/// <summary>
/// A slash command: its definition (registered with Discord) and its handler. Expected failures (bad option,
/// missing permission) are returned as <see cref="CommandResponse.Error"/>, not thrown.
/// </summary>
public abstract class SlashCommand
{
    /// <summary>The definition sent in the bulk overwrite; <see cref="ApplicationCommandDefinition.Name"/> routes invocations here.</summary>
    public abstract ApplicationCommandDefinition Definition { get; }

    /// <summary>When the handler is slow the framework defers; the deferral is ephemeral when this is true.</summary>
    public virtual bool Ephemeral => false;

    public abstract Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken);

    /// <summary>Answers autocomplete for options declared with <c>autocomplete: true</c>; no suggestions by default.</summary>
    public virtual Task<CommandResponse> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken)
        => Task.FromResult(CommandResponse.Choices([]));
}
