namespace BotHost.Discord.Interactions.Models;

/// <summary>The message flags an interaction response may carry (FACTS §5).</summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    Ephemeral = 1 << 6,
    SuppressNotifications = 1 << 12,
    IsComponentsV2 = 1 << 15,
}
