namespace BotHost.Hosting;

/// <summary>Offline: no Discord token, sample feeds, console sink. Discord: a token is configured.</summary>
public enum RunMode
{
    Offline,
    Discord,
}
