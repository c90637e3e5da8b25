using BotHost.Core.Digests;

namespace BotHost.Bridge;

/// <summary>Discord chat Markdown for text BotHost did not write (feed titles, member input).</summary>
public static class ChatMarkdown
{
    /// <summary>Escapes formatting, links and mentions so third-party text shows as typed and pings nobody (one rule with digests: <see cref="ChatText.Escape"/>).</summary>
    public static string Escape(string text) => ChatText.Escape(text);

    /// <summary>A channel mention; the offline console's pretend channel shows as #local.</summary>
    public static string Channel(Core.Subscriptions.ChannelKey channel)
        => channel.IsLocal ? "#local" : $"<#{channel.ChannelId}>";

    /// <summary>Cuts <paramref name="text"/> to Discord's message limit at a line break, saying how much was left out.</summary>
    public static string Fit(string text, int limit = DiscordMessageLimit.Content)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = text.LastIndexOf('\n', limit - 40);
        cut = cut <= 0 ? limit - 40 : cut;
        var hiddenLines = text[cut..].Count(c => c == '\n') + 1;
        return text[..cut] + $"\n…and {hiddenLines} more lines";
    }
}
