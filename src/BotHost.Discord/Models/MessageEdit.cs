namespace BotHost.Discord.Models;

/// <summary>
/// Body of PATCH /channels/{channel_id}/messages/{message_id}. Null fields are left unchanged.
/// <see cref="AllowedMentions"/> is always sent: an edit without it falls back to the ping-everything default.
/// </summary>
public sealed record MessageEdit
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<ActionRow>? Components { get; init; }

    public AllowedMentions? AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>Only SUPPRESS_EMBEDS may change; resend every bit already set.</summary>
    public int? Flags { get; init; }
}
