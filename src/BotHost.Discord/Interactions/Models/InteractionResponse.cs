namespace BotHost.Discord.Interactions.Models;

/// <summary>Body of the initial response: inline on the HTTP endpoint or POSTed to the callback route.</summary>
public sealed record InteractionResponse(InteractionCallbackType Type, InteractionCallbackData? Data = null)
{
    public static InteractionResponse Pong { get; } = new(InteractionCallbackType.Pong);
}
