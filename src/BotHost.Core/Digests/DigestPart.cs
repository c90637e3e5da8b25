namespace BotHost.Core.Digests;

/// <summary>
/// One chat message of a rendered digest, neutral of Discord: optional content, cards (embeds), rows of
/// feedback actions (buttons) and the <see cref="Marker"/> by which a sender recognises it among a channel's
/// messages. Stored in the outbox as JSON and shown as-is by /digest preview, the console and Discord.
/// </summary>
public sealed record DigestPart(int Index, int Count, string? Content, IReadOnlyList<DigestCard> Cards, IReadOnlyList<DigestActionRow> Rows, string Marker)
{
    /// <summary>Story ids of the cards' actions, in card order.</summary>
    public IReadOnlyList<long> StoryIds => [.. Rows.Select(r => r.Actions[0].StoryId)];
}
