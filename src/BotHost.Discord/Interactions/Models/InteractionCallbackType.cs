namespace BotHost.Discord.Interactions.Models;

/// <summary>Interaction callback types (FACTS §5). 6 and 7 are valid for component interactions only.</summary>
public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
}
