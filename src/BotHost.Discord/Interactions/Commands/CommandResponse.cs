using System.Text.Json;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Interactions.Commands;

/// <summary>
/// What a handler answers. The dispatcher turns it into the initial response, or into an edit of the
/// deferred response when the handler was too slow for the 3-second window.
/// </summary>
public abstract record CommandResponse
{
    /// <summary>Discord's cap on autocomplete suggestions (FACTS §5).</summary>
    public const int MaxChoices = 25;

    private CommandResponse()
    {
    }

    public static CommandResponse Message(string content, bool ephemeral = false)
        => new MessageResponse(content, null, null, ephemeral);

    public static CommandResponse Message(string? content, IReadOnlyList<JsonElement>? embeds, IReadOnlyList<JsonElement>? components = null, bool ephemeral = false)
        => new MessageResponse(content, embeds, components, ephemeral);

    /// <summary>An expected failure shown only to the invoker.</summary>
    public static CommandResponse Error(string message) => new MessageResponse(message, null, null, Ephemeral: true);

    /// <summary>Acknowledge at once with "thinking…", run <paramref name="work"/>, then replace the placeholder with its message.</summary>
    public static CommandResponse Defer(Func<CancellationToken, Task<CommandResponse>> work, bool ephemeral = false)
        => new DeferredResponse(work, ephemeral);

    public static CommandResponse Modal(string customId, string title, IReadOnlyList<JsonElement> components)
        => new ModalResponse(customId, title, components);

    /// <summary>Autocomplete suggestions; anything past the first 25 is dropped because Discord rejects more.</summary>
    public static CommandResponse Choices(IEnumerable<ApplicationCommandOptionChoice> choices)
        => new AutocompleteResponse([.. choices.Take(MaxChoices)]);

    /// <summary>Replaces the message a component is attached to (components only).</summary>
    public static CommandResponse UpdateMessage(string? content, IReadOnlyList<JsonElement>? embeds = null, IReadOnlyList<JsonElement>? components = null)
        => new UpdateResponse(content, embeds, components);

    internal abstract InteractionResponse ToInitialResponse();

    public sealed record MessageResponse(string? Content, IReadOnlyList<JsonElement>? Embeds, IReadOnlyList<JsonElement>? Components, bool Ephemeral)
        : CommandResponse
    {
        internal InteractionCallbackData ToData() => new()
        {
            Content = Content,
            Embeds = Embeds,
            Components = Components,
            Flags = Ephemeral ? MessageFlags.Ephemeral : null,
        };

        internal override InteractionResponse ToInitialResponse() => new(InteractionCallbackType.ChannelMessageWithSource, ToData());
    }

    public sealed record DeferredResponse(Func<CancellationToken, Task<CommandResponse>> Work, bool Ephemeral) : CommandResponse
    {
        internal override InteractionResponse ToInitialResponse() => new(
            InteractionCallbackType.DeferredChannelMessageWithSource,
            Ephemeral ? new InteractionCallbackData { Flags = MessageFlags.Ephemeral, AllowedMentions = null } : null);
    }

    public sealed record ModalResponse(string CustomId, string Title, IReadOnlyList<JsonElement> Components) : CommandResponse
    {
        internal override InteractionResponse ToInitialResponse()
            => new(InteractionCallbackType.Modal, new InteractionCallbackData { CustomId = CustomId, Title = Title, Components = Components, AllowedMentions = null });
    }

    public sealed record AutocompleteResponse(IReadOnlyList<ApplicationCommandOptionChoice> Suggestions) : CommandResponse
    {
        internal override InteractionResponse ToInitialResponse()
            => new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new InteractionCallbackData { Choices = Suggestions, AllowedMentions = null });
    }

    public sealed record UpdateResponse(string? Content, IReadOnlyList<JsonElement>? Embeds, IReadOnlyList<JsonElement>? Components) : CommandResponse
    {
        internal InteractionCallbackData ToData() => new() { Content = Content, Embeds = Embeds, Components = Components };

        internal override InteractionResponse ToInitialResponse() => new(InteractionCallbackType.UpdateMessage, ToData());
    }
}
