using BotHost.Bridge.Permissions;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Models;
using BotHost.Discord.Permissions;

namespace BotHost.Bridge;

/// <summary>
/// The channel a command acts on (the one it was used in, or the one picked in its <c>channel</c> option) with the
/// member's and the bot's permissions there. A channel is always keyed by the interaction's own guild, so a command
/// can never reach another server's subscriptions.
/// </summary>
public sealed record CommandChannel(ChannelKey Key, ulong MemberPermissions, ulong? BotPermissions, bool IsThread = false)
{
    public const string OptionName = "channel";

    /// <summary>Channel types a channel option offers: text, announcement and the three thread types.</summary>
    public static readonly IReadOnlyList<int> PostableTypes = [0, 5, 10, 11, 12];

    public static bool TryResolve(CommandContext context, out CommandChannel channel, out string error)
    {
        channel = null!;
        error = string.Empty;
        if (context.GuildId is not { } guild || context.ChannelId is not { } here)
        {
            error = "Use this command in a server channel, not in a direct message.";
            return false;
        }

        var picked = context.HasOption(OptionName) ? context.GetChannel(OptionName) : null;
        if (picked is null)
        {
            channel = new CommandChannel(new ChannelKey(guild, here), context.MemberPermissions, context.Interaction.AppPermissions, IsThreadType(context.Interaction.Channel?.Type));
            return true;
        }

        if (picked.GuildId is { } owner && owner != guild)
        {
            error = "That channel belongs to another server; pick a channel of this server.";
            return false;
        }

        // Resolved channels carry the member's and the bot's permissions in that channel, overwrites included.
        channel = new CommandChannel(new ChannelKey(guild, picked.Id), picked.Permissions ?? context.MemberPermissions, picked.AppPermissions, IsThreadType(picked.Type));
        return true;
    }

    public string Mention => ChatMarkdown.Channel(Key);

    /// <summary>The server-side check behind default_member_permissions, which a guild may override in its settings.</summary>
    public CommandResponse? RefuseUnlessMemberCanManage()
        => Has(MemberPermissions, DiscordPermissions.ManageChannels)
            ? null
            : CommandResponse.Error($"You need the Manage Channels permission in {Mention} to change its subscriptions. /subscription show tells anyone what it gets.");

    /// <summary>
    /// Refuses when the bot could not post digests here (issue 12): nothing should be stored, or resumed, that cannot be
    /// delivered. Interactions carry the bot's own permissions in the channel (app_permissions), overwrites included.
    /// </summary>
    public CommandResponse? RefuseUnlessBotCanPost()
    {
        if (BotPermissions is not { } bot)
        {
            return null;
        }

        var missing = PostingPermissions.Missing(bot, IsThread);
        return missing.Count == 0
            ? null
            : CommandResponse.Error($"I can't post in {Mention}: I'm missing {PostingPermissions.Names(missing)} — ask an admin to allow them.");
    }

    private static bool IsThreadType(int? type) => type is Channel.AnnouncementThread or Channel.PublicThread or Channel.PrivateThread;

    private static bool Has(ulong granted, ulong wanted)
        => (granted & DiscordPermissions.Administrator) != 0 || (granted & wanted) == wanted;
}
