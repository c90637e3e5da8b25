using System.Globalization;
using System.Text;
using BotHost.Core.Digests;
using BotHost.Core.Subscriptions;

namespace BotHost.Hosting;

/// <summary>A rendered digest part as plain text: what the console sink prints and `preview` shows, card by card, buttons in brackets.</summary>
public static class DigestConsoleText
{
    public static string Render(ChannelKey channel, DigestPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"--- message {part.Index} of {part.Count} to {(channel.IsLocal ? "#local (pretend channel)" : channel.ToString())} ---");
        if (part.Content is { Length: > 0 } content)
        {
            sb.AppendLine(content);
        }

        for (var i = 0; i < part.Cards.Count; i++)
        {
            var card = part.Cards[i];
            sb.AppendLine(card.Title ?? "");
            if (card.Url is not null)
            {
                sb.Append("    ").AppendLine(card.Url);
            }

            foreach (var line in (card.Description ?? "").Split('\n'))
            {
                sb.Append("    ").AppendLine(line);
            }

            if (i < part.Rows.Count)
            {
                sb.Append("    ").AppendLine(string.Join(' ', part.Rows[i].Actions.Select(a => $"[{a.Label}]")));
            }

            if (card.Footer is not null)
            {
                sb.Append("  — ").AppendLine(card.Footer);
            }
        }

        return sb.ToString();
    }
}
