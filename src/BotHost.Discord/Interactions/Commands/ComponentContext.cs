using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Interactions.Commands;

/// <summary>A button press, select choice or modal submission, routed by its custom_id.</summary>
public sealed class ComponentContext(Interaction interaction) : InteractionContext(interaction)
{
    /// <summary>The full custom_id, prefix included; state is usually encoded after the prefix.</summary>
    public string CustomId => Interaction.Data?.CustomId ?? "";

    /// <summary>Selected values of a select menu; empty for buttons.</summary>
    public IReadOnlyList<string> Values => Interaction.Data?.Values ?? [];

    public bool IsModalSubmit => Interaction.Type == InteractionType.ModalSubmit;
}
