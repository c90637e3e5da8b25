using System.Text.Json;
using BotHost.Discord.Models;

namespace BotHost.Discord.Interactions.Models;

/// <summary>
/// Callback data: a message (content, embeds, flags, components), autocomplete choices, or a modal
/// (custom_id, title, components). The same shape is the body of edit-original and followup calls.
/// Embeds and components are raw JSON so this area does not depend on the REST message models.
/// </summary>
public sealed record InteractionCallbackData
{
    public string? Content { get; init; }

    public IReadOnlyList<JsonElement>? Embeds { get; init; }

    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<ApplicationCommandOptionChoice>? Choices { get; init; }

    public string? CustomId { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<JsonElement>? Components { get; init; }

    /// <summary>
    /// Pings nobody unless set otherwise: answers may quote feed text, and an edit without this field falls back to
    /// the default rules (FACTS §3). Set to null for data that is not a message (autocomplete, modal, deferral).
    /// </summary>
    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;
}
