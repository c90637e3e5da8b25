namespace BotHost.Discord.Models;

/// <summary>
/// Body of POST /channels/{channel_id}/messages. Pass a <see cref="Nonce"/> (see <see cref="MessageNonce"/>)
/// with <see cref="EnforceNonce"/> so a retried send returns the first message instead of posting twice.
/// </summary>
public sealed record MessageCreate
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<ActionRow>? Components { get; init; }

    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>≤ 25 characters.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    /// <summary>SUPPRESS_EMBEDS = 4, SUPPRESS_NOTIFICATIONS = 4096.</summary>
    public int? Flags { get; init; }
}
