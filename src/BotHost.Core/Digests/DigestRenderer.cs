using System.Globalization;
using System.Text;

namespace BotHost.Core.Digests;

/// <summary>
/// The one renderer of digests: /digest preview, the console sink and the Discord sink all show what it
/// returns. Part 1 carries the header (subscription name, local date, story count); every story is a card
/// (title linked to its canonical URL, teaser, "from X · also on …", topic tags, a curator's pick) with a row of
/// feedback actions. Parts are packed within <see cref="MessageLimits"/>; URLs are never cut (one too long for
/// a link is left out), feed text is escaped, and each part ends with a footer marker that names it.
/// </summary>
public sealed class DigestRenderer
{
    /// <summary>One row of actions per story and at most 5 rows per message.</summary>
    public const int StoriesPerPart = MessageLimits.RowsPerMessage;

    private const int TeaserLength = 280;
    private const int MaxAlsoOn = 5;
    private const int MaxTags = 8;
    private const int MarkerNameLength = 80;
    private const int NoteLength = 200;
    private const int DescriptionLength = 1500;

    public IReadOnlyList<DigestPart> Render(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.Entries.Count == 0)
        {
            return [];
        }

        var groups = Pack(digest.Entries.Select(e => (Card: Card(e), Row: Row(digest.SubscriptionId, e))).ToList());
        var parts = new List<DigestPart>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            var marker = Marker(digest, i + 1, groups.Count);
            var cards = groups[i].Select(g => g.Card).ToList();
            cards[^1] = cards[^1] with { Footer = marker };
            parts.Add(new DigestPart(i + 1, groups.Count, i == 0 ? Header(digest) : null, cards, [.. groups[i].Select(g => g.Row)], marker));
        }

        return parts;
    }

    /// <summary>The "nothing new" line posted for an empty digest when Digests:PostWhenEmpty is on.</summary>
    public DigestPart RenderEmpty(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var content = string.Create(CultureInfo.InvariantCulture, $"**{Name(digest)}** · {Date(digest)} · nothing new since the last digest.");
        return new DigestPart(1, 1, content, [], [], content);
    }

    /// <summary>The footer of the last card of part <paramref name="index"/> of <paramref name="count"/>: unique per subscription, period and part.</summary>
    public static string Marker(Digest digest, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return string.Create(CultureInfo.InvariantCulture, $"{ChatText.Cut(digest.SubscriptionName, MarkerNameLength)} · {digest.PeriodKey} · {index}/{count}");
    }

    private static string Header(Digest digest) => string.Create(CultureInfo.InvariantCulture,
        $"**{Name(digest)}** · {Date(digest)} · {(digest.Entries.Count == 1 ? "1 story" : $"{digest.Entries.Count} stories")}");

    private static string Name(Digest digest) => ChatText.EscapeAndCut(digest.SubscriptionName, MarkerNameLength);

    private static string Date(Digest digest) => digest.LocalDate.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    private static DigestCard Card(DigestEntry entry)
    {
        var title = ChatText.Cut(string.Create(CultureInfo.InvariantCulture, $"{entry.Rank}. {ChatText.Escape(entry.Title)}"), MessageLimits.CardTitleLength);
        var url = IsLinkable(entry.Url) ? entry.Url : null;
        var description = new StringBuilder();
        if (entry.Teaser.Length > 0)
        {
            description.Append(ChatText.EscapeAndCut(entry.Teaser, TeaserLength)).Append('\n');
        }

        description.Append("from **").Append(ChatText.EscapeAndCut(entry.Source, MarkerNameLength)).Append("**");
        if (entry.AlsoOn.Count > 0)
        {
            description.Append(" · also on ").AppendJoin(", ", entry.AlsoOn.Take(MaxAlsoOn).Select(s => ChatText.EscapeAndCut(s, MarkerNameLength)));
            if (entry.AlsoOn.Count > MaxAlsoOn)
            {
                description.Append(CultureInfo.InvariantCulture, $" and {entry.AlsoOn.Count - MaxAlsoOn} more");
            }
        }

        if (entry.Topics.Count > 0)
        {
            description.Append('\n').AppendJoin(' ', entry.Topics.Take(MaxTags).Select(t => $"`{t.Replace('`', '\'')}`"));
        }

        if (entry.Pick is { } pick)
        {
            description.Append("\n⭐ picked by **").Append(ChatText.EscapeAndCut(pick.PickedBy, MarkerNameLength)).Append("**");
            if (!string.IsNullOrWhiteSpace(pick.Note))
            {
                description.Append(": “").Append(ChatText.EscapeAndCut(pick.Note.Trim(), NoteLength)).Append('”');
            }
        }

        return new DigestCard(title, url, ChatText.Cut(description.ToString(), DescriptionLength), null);
    }

    private static DigestActionRow Row(long subscriptionId, DigestEntry entry)
    {
        var rank = entry.Rank.ToString(CultureInfo.InvariantCulture);
        return new DigestActionRow(
        [
            new DigestAction(DigestActionKind.Upvote, subscriptionId, entry.StoryId, $"👍 {rank}"),
            new DigestAction(DigestActionKind.Downvote, subscriptionId, entry.StoryId, $"👎 {rank}"),
            new DigestAction(DigestActionKind.MuteSource, subscriptionId, entry.StoryId, ChatText.Cut($"🔇 Mute {entry.Source}", MessageLimits.LabelLength)),
        ]);
    }

    // Greedy: a part takes stories while it has rows left and the cards' characters (with the footer marker the
    // last card gets) stay under the total.
    private static List<List<(DigestCard Card, DigestActionRow Row)>> Pack(List<(DigestCard Card, DigestActionRow Row)> items)
    {
        const int footerReserve = MarkerNameLength + 40;
        var parts = new List<List<(DigestCard, DigestActionRow)>>();
        var current = new List<(DigestCard, DigestActionRow)>();
        var total = footerReserve;
        foreach (var item in items)
        {
            var size = Size(item.Card);
            if (current.Count > 0 && (current.Count == StoriesPerPart || total + size > MessageLimits.CardsTotalLength))
            {
                parts.Add(current);
                current = [];
                total = footerReserve;
            }

            current.Add(item);
            total += size;
        }

        parts.Add(current);
        return parts;
    }

    private static int Size(DigestCard card) => (card.Title?.Trim().Length ?? 0) + (card.Description?.Trim().Length ?? 0) + (card.Footer?.Trim().Length ?? 0);

    private static bool IsLinkable(string? url) =>
        url is { Length: > 0 and <= MessageLimits.UrlLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
