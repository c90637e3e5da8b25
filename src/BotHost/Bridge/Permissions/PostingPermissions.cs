using BotHost.Discord.Permissions;

namespace BotHost.Bridge.Permissions;

/// <summary>
/// What BotHost needs in a channel to deliver digests there, and so what its invite asks for. One place, so the
/// invite, /subscribe, /subscription resume, `doctor` and the gateway's permission watch agree on the bits.
/// </summary>
public static class PostingPermissions
{
    /// <summary>
    /// The invite's permission set: View Channel and Send Messages to post, Send Messages in Threads for a subscribed
    /// thread, Embed Links for the story embeds, Read Message History for the delivery's marker search (a part whose
    /// send outcome was lost is looked for among the channel's recent messages before it is sent again).
    /// </summary>
    public const ulong Invite = DiscordPermissions.ViewChannel | DiscordPermissions.SendMessages | DiscordPermissions.SendMessagesInThreads
        | DiscordPermissions.EmbedLinks | DiscordPermissions.ReadMessageHistory;

    /// <summary>
    /// The names of the permissions a delivery needs that <paramref name="granted"/> lacks, in the order Discord's
    /// settings list them; empty when the bot can post. A thread needs Send Messages in Threads instead of Send Messages.
    /// </summary>
    public static IReadOnlyList<string> Missing(ulong granted, bool inThread)
    {
        if ((granted & DiscordPermissions.Administrator) != 0)
        {
            return [];
        }

        var missing = new List<string>(3);
        Check(DiscordPermissions.ViewChannel, "View Channel");
        Check(inThread ? DiscordPermissions.SendMessagesInThreads : DiscordPermissions.SendMessages, inThread ? "Send Messages in Threads" : "Send Messages");
        Check(DiscordPermissions.EmbedLinks, "Embed Links");
        return missing;

        void Check(ulong bit, string name)
        {
            if (!DiscordPermissions.HasAll(granted, bit))
            {
                missing.Add(name);
            }
        }
    }

    /// <summary>"Send Messages / Embed Links".</summary>
    public static string Names(IReadOnlyList<string> missing) => string.Join(" / ", missing);
}
