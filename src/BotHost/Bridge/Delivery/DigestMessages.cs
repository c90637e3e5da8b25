using BotHost.Bridge.Components;
using BotHost.Core.Digests;
using BotHost.Discord.Models;

namespace BotHost.Bridge.Delivery;

/// <summary>
/// Turns a rendered digest part into Discord's message shapes: content, one embed per card, one row of buttons per
/// story. The Discord sink and /digest preview both go through here, so what is previewed is what is posted.
/// </summary>
public static class DigestMessages
{
    /// <summary>Discord's blurple, so digest cards are recognisable at a glance.</summary>
    public const int CardColor = 0x5865F2;

    public static IReadOnlyList<Embed> Embeds(DigestPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return [.. part.Cards.Select(card => new Embed
        {
            Title = card.Title,
            Url = card.Url,
            Description = card.Description,
            Color = CardColor,
            Footer = card.Footer is null ? null : new EmbedFooter { Text = card.Footer },
        })];
    }

    public static IReadOnlyList<ActionRow> Rows(DigestPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return [.. part.Rows.Select(row => new ActionRow
        {
            Components = [.. row.Actions.Select(action => new Button
            {
                Style = action.Kind == DigestActionKind.MuteSource ? 2 : 1,
                Label = action.Label,
                CustomId = FeedbackCustomId.Of(action),
            })],
        })];
    }

    /// <summary>The message the Discord sink posts: never pings (allowed_mentions parse []), deduplicated by the part's nonce.</summary>
    public static MessageCreate Create(DigestPart part, string nonce) => new()
    {
        Content = part.Content,
        Embeds = Embeds(part),
        Components = Rows(part),
        AllowedMentions = AllowedMentions.None,
        Nonce = nonce,
        EnforceNonce = true,
    };

    /// <summary>The text a posted message carries as its part marker: the last embed's footer, or the content when it has no embeds.</summary>
    public static string? MarkerOf(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Embeds is { Count: > 0 } embeds ? embeds[^1].Footer?.Text : message.Content;
    }
}
