namespace BotHost.Discord.Rest;

/// <summary>Tuning of the REST client ("Discord:Rest"). Defaults follow Discord's documented limits.</summary>
public sealed class DiscordRestOptions
{
    public const string Section = "Discord:Rest";

    /// <summary>Proactive global cap; Discord allows 50 requests per second per bot.</summary>
    public int GlobalRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// Added to the one-second global window so jitter between our send times and Discord's receive times
    /// cannot squeeze one request too many into Discord's window.
    /// </summary>
    public TimeSpan GlobalWindowMargin { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Retries after a 5xx, a dropped connection or a timeout.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; doubled on each further retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often one request may be re-sent after a 429 before giving up.</summary>
    public int MaxRateLimitRetries { get; set; } = 5;

    /// <summary>Bodies larger than this are refused; Discord's JSON answers are a few kilobytes.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// 401/403/429 responses within <see cref="InvalidRequestWindow"/> from which every request is slowed;
    /// Discord bans the IP at 10,000, so this stays well below.
    /// </summary>
    public int InvalidRequestThrottleThreshold { get; set; } = 5000;

    public TimeSpan InvalidRequestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Delay added to every request while over the threshold.</summary>
    public TimeSpan InvalidRequestThrottleDelay { get; set; } = TimeSpan.FromSeconds(1);
}
