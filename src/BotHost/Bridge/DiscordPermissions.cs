namespace BotHost.Bridge;

/// <summary>The permission bits BotHost checks (FACTS §3 and §7), by their Discord names.</summary>
public static class DiscordPermissions
{
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;
    public const ulong ManageGuild = 1UL << 5;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong EmbedLinks = 1UL << 14;

    /// <summary>What the offline console's pretend member and bot hold.</summary>
    public const ulong OfflineConsole = Administrator | ManageChannels | ManageGuild | ViewChannel | SendMessages | EmbedLinks;
}
