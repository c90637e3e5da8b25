using System.Text.Json;
using BotHost.Discord.Models;

namespace BotHost.Discord.Interactions.Models;

/// <summary>
/// Discord's limits on interaction replies (FACTS §3, §5, §8), checked before anything is sent, as
/// <see cref="DiscordLimits"/> does for channel messages: message data (content, embeds, components, flags),
/// autocomplete choices and modals. Paths name the field as Discord would, e.g. "data.embeds[0].title".
/// </summary>
public static class InteractionLimits
{
    public const int MaxChoices = 25;
    public const int ChoiceNameLength = 100;
    public const int ChoiceStringValueLength = 100;
    public const int ModalTitleLength = 45;
    public const int ModalComponents = 5;
    public const int ComponentsV2TopLevel = 40;

    /// <summary>The flags a reply may carry: SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS, IS_VOICE_MESSAGE, IS_COMPONENTS_V2.</summary>
    private const MessageFlags ReplyFlags = MessageFlags.SuppressEmbeds | MessageFlags.Ephemeral | MessageFlags.SuppressNotifications
        | (MessageFlags)(1 << 13) | MessageFlags.IsComponentsV2;

    /// <exception cref="DiscordValidationException">The first broken limit, naming its field.</exception>
    public static void Validate(InteractionResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var data = response.Data;
        switch (response.Type)
        {
            case InteractionCallbackType.Pong or InteractionCallbackType.DeferredUpdateMessage:
                return;
            case InteractionCallbackType.DeferredChannelMessageWithSource:
                if (data?.Flags is { } flags && (flags & ~MessageFlags.Ephemeral) != 0)
                {
                    throw new DiscordValidationException("data.flags", "a deferral may only carry EPHEMERAL (64)");
                }

                return;
            case InteractionCallbackType.ChannelMessageWithSource:
                ValidateMessage(data ?? new InteractionCallbackData(), "data.", requireContent: true);
                return;
            case InteractionCallbackType.UpdateMessage:
                ValidateMessage(data ?? new InteractionCallbackData(), "data.", requireContent: false);
                return;
            case InteractionCallbackType.ApplicationCommandAutocompleteResult:
                ValidateChoices(data?.Choices ?? throw new DiscordValidationException("data.choices", "an autocomplete result needs a choices list"));
                return;
            case InteractionCallbackType.Modal:
                ValidateModal(data);
                return;
            default:
                throw new DiscordValidationException("type", $"{(int)response.Type} is not a callback type this client sends");
        }
    }

    /// <summary>A follow-up (<paramref name="requireContent"/>: Discord refuses an empty one) or an edit of a reply.</summary>
    /// <exception cref="DiscordValidationException">The first broken limit, naming its field.</exception>
    public static void ValidateMessage(InteractionCallbackData message, bool requireContent)
        => ValidateMessage(message, string.Empty, requireContent);

    private static void ValidateMessage(InteractionCallbackData message, string prefix, bool requireContent)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (requireContent && string.IsNullOrEmpty(message.Content) && message.Embeds is not { Count: > 0 } && message.Components is not { Count: > 0 })
        {
            throw new DiscordValidationException(prefix + "content", "a message needs at least one of content, embeds or components");
        }

        if (message.Flags is { } flags && (flags & ~ReplyFlags) != 0)
        {
            throw new DiscordValidationException(prefix + "flags", $"{(int)flags} has bits a reply may not set (allowed: {(int)ReplyFlags})");
        }

        var componentsV2 = message.Flags is { } f && (f & MessageFlags.IsComponentsV2) != 0;
        if (componentsV2 && message.Components is { Count: > ComponentsV2TopLevel })
        {
            throw new DiscordValidationException(prefix + "components", $"must have at most {ComponentsV2TopLevel} items (had {message.Components.Count})");
        }

        try
        {
            DiscordLimits.ValidateBody(
                message.Content,
                Read(message.Embeds, "embeds", DiscordRestJsonContext.Default.Embed),
                componentsV2 ? null : Read(message.Components, "components", DiscordRestJsonContext.Default.ActionRow));
        }
        catch (DiscordValidationException ex)
        {
            throw new DiscordValidationException(prefix + ex.FieldPath, ex.Limit);
        }
    }

    private static void ValidateChoices(IReadOnlyList<ApplicationCommandOptionChoice> choices)
    {
        if (choices.Count > MaxChoices)
        {
            throw new DiscordValidationException("data.choices", $"must have at most {MaxChoices} items (had {choices.Count})");
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (choices[i].Name is not { Length: >= 1 and <= ChoiceNameLength })
            {
                throw new DiscordValidationException($"data.choices[{i}].name", $"must be 1 to {ChoiceNameLength} characters (was {choices[i].Name?.Length ?? 0})");
            }

            if (choices[i].Value.ValueKind == JsonValueKind.String && choices[i].Value.GetString()!.Length > ChoiceStringValueLength)
            {
                throw new DiscordValidationException($"data.choices[{i}].value", $"must be at most {ChoiceStringValueLength} characters");
            }
        }
    }

    private static void ValidateModal(InteractionCallbackData? data)
    {
        if (data?.CustomId is not { Length: >= 1 and <= DiscordLimits.CustomIdLength })
        {
            throw new DiscordValidationException("data.custom_id", $"must be 1 to {DiscordLimits.CustomIdLength} characters (was {data?.CustomId?.Length ?? 0})");
        }

        if (data.Title is not { Length: >= 1 and <= ModalTitleLength })
        {
            throw new DiscordValidationException("data.title", $"must be 1 to {ModalTitleLength} characters (was {data.Title?.Length ?? 0})");
        }

        if (data.Components is not { Count: >= 1 and <= ModalComponents })
        {
            throw new DiscordValidationException("data.components", $"a modal needs 1 to {ModalComponents} components (had {data.Components?.Count ?? 0})");
        }
    }

    /// <summary>Raw JSON (the interaction area keeps embeds and components as JSON) read into the REST models for checking.</summary>
    private static List<T>? Read<T>(IReadOnlyList<JsonElement>? items, string field, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        if (items is null)
        {
            return null;
        }

        var read = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                read.Add(items[i].Deserialize(type) ?? throw new DiscordValidationException($"{field}[{i}]", "must not be null"));
            }
            catch (JsonException ex)
            {
                throw new DiscordValidationException($"{field}[{i}]", $"is not a valid object: {ex.Message}");
            }
        }

        return read;
    }
}
