namespace BotHost.Bridge;

/// <summary>Discord's limit on message content: 2000 characters (the docs win over the spec's 4000).</summary>
public static class DiscordMessageLimit
{
    public const int Content = 2000;
}
