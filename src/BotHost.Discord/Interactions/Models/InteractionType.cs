namespace BotHost.Discord.Interactions.Models;

/// <summary>Interaction types (FACTS §5).</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}
