namespace BotHost.Discord.Permissions;

/// <summary>
/// The permission bits BotHost checks (D: Permissions › Bitwise Permission Flags; values as FACTS §3 and §7 give
/// them). Permissions travel as strings of digits and need 64 bits, hence <see cref="ulong"/>.
/// </summary>
public static class DiscordPermissions
{
    public const ulong None = 0;

    /// <summary>Every permission, including ones Discord adds later: what the owner and ADMINISTRATOR have.</summary>
    public const ulong All = ulong.MaxValue;

    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong EmbedLinks = 1UL << 14;
    public const ulong ReadMessageHistory = 1UL << 16;
    public const ulong SendMessagesInThreads = 1UL << 38;

    /// <summary>True when every bit of <paramref name="required"/> is set in <paramref name="permissions"/>.</summary>
    public static bool HasAll(ulong permissions, ulong required) => (permissions & required) == required;
}
