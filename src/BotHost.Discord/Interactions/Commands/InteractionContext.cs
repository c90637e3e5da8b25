using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Interactions.Commands;

/// <summary>What every handler knows about the interaction it answers: where, who, with which rights.</summary>
public abstract class InteractionContext
{
    private protected InteractionContext(Interaction interaction) => Interaction = interaction;

    /// <summary>The raw interaction. Its token is a secret: do not log it.</summary>
    public Interaction Interaction { get; }

    /// <summary>Null in DMs.</summary>
    public ulong? GuildId => Interaction.GuildId;

    public ulong? ChannelId => Interaction.ChannelId;

    /// <summary>The invoking user (guild member's user or DM user).</summary>
    public InteractionUser? User => Interaction.Invoker;

    /// <summary>The member's permission bit set in the channel; 0 outside guilds.</summary>
    public ulong MemberPermissions => Interaction.Member?.Permissions ?? 0;

    /// <summary>The bot's own permission bit set where the interaction happened; 0 when not sent.</summary>
    public ulong AppPermissions => Interaction.AppPermissions ?? 0;

    public string? Locale => Interaction.Locale;

    public string? GuildLocale => Interaction.GuildLocale;

    /// <summary>True when the member holds every bit of <paramref name="permissions"/> (ADMINISTRATOR counts as all).</summary>
    public bool MemberHas(ulong permissions)
    {
        const ulong administrator = 1UL << 3;
        return (MemberPermissions & administrator) != 0 || (MemberPermissions & permissions) == permissions;
    }
}
