using BotHost.Discord.Models;

namespace BotHost.Discord.Permissions;

/// <summary>
/// A member's effective permissions, computed the way Discord documents it (D: Permissions › Permission
/// Overwrites): the guild owner has all; otherwise @everyone's permissions (the role whose id is the guild id)
/// OR the member's roles, where ADMINISTRATOR means all; then in a channel the @everyone overwrite, then all of
/// the member's role overwrites together (deny first, then allow), then the member's own overwrite.
/// </summary>
/// <remarks>
/// For a thread pass its parent channel's overwrites: threads have none of their own. Implicit rules Discord
/// applies on top (e.g. no VIEW_CHANNEL hides the channel and so everything in it) are left to the caller, who
/// checks every bit an action needs (<see cref="DiscordPermissions.HasAll"/>).
/// </remarks>
public static class PermissionCalculator
{
    /// <summary>Guild-level permissions of a member.</summary>
    /// <param name="memberRoleIds">The member's roles as GET /guilds/{id}/members/{user} lists them (without @everyone).</param>
    public static ulong ForGuild(ulong guildId, ulong ownerId, IReadOnlyList<Role> roles, ulong userId, IReadOnlyCollection<ulong> memberRoleIds)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(memberRoleIds);
        if (userId == ownerId)
        {
            return DiscordPermissions.All;
        }

        var permissions = DiscordPermissions.None;
        foreach (var role in roles)
        {
            if (role.Id == guildId || memberRoleIds.Contains(role.Id))
            {
                permissions |= role.Permissions;
            }
        }

        return (permissions & DiscordPermissions.Administrator) != 0 ? DiscordPermissions.All : permissions;
    }

    /// <summary>Permissions of a member in a channel with the given overwrites.</summary>
    public static ulong ForChannel(
        ulong guildId, ulong ownerId, IReadOnlyList<Role> roles, ulong userId, IReadOnlyCollection<ulong> memberRoleIds, IReadOnlyList<PermissionOverwrite>? overwrites)
    {
        var permissions = ForGuild(guildId, ownerId, roles, userId, memberRoleIds);
        if (permissions == DiscordPermissions.All || overwrites is null)
        {
            return permissions;
        }

        if (Find(overwrites, guildId, PermissionOverwrite.RoleType) is { } everyone)
        {
            permissions = Apply(permissions, everyone.Allow, everyone.Deny);
        }

        ulong allow = 0, deny = 0;
        foreach (var overwrite in overwrites)
        {
            if (overwrite.Type == PermissionOverwrite.RoleType && overwrite.Id != guildId && memberRoleIds.Contains(overwrite.Id))
            {
                allow |= overwrite.Allow;
                deny |= overwrite.Deny;
            }
        }

        permissions = Apply(permissions, allow, deny);
        if (Find(overwrites, userId, PermissionOverwrite.MemberType) is { } member)
        {
            permissions = Apply(permissions, member.Allow, member.Deny);
        }

        return permissions;
    }

    /// <summary>
    /// Permissions of <paramref name="member"/> in <paramref name="channel"/>; for a thread pass its parent as
    /// <paramref name="channel"/>. <paramref name="guild"/> must carry its roles (GET /guilds/{id}).
    /// </summary>
    public static ulong ForChannel(Guild guild, GuildMember member, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(guild);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(channel);
        var userId = member.User?.Id ?? throw new ArgumentException("The member has no user; use the member object from GET /guilds/{id}/members/{user_id}.", nameof(member));
        if (channel.GuildId is { } channelGuild && channelGuild != guild.Id)
        {
            throw new ArgumentException($"Channel {channel.Id} belongs to guild {channelGuild}, not {guild.Id}.", nameof(channel));
        }

        return ForChannel(guild.Id, guild.OwnerId, guild.Roles, userId, [.. member.Roles], channel.PermissionOverwrites);
    }

    private static ulong Apply(ulong permissions, ulong allow, ulong deny) => (permissions & ~deny) | allow;

    private static PermissionOverwrite? Find(IReadOnlyList<PermissionOverwrite> overwrites, ulong id, int type)
    {
        foreach (var overwrite in overwrites)
        {
            if (overwrite.Id == id && overwrite.Type == type)
            {
                return overwrite;
            }
        }

        return null;
    }
}
