namespace BotHost.Core.Subscriptions;

/// <summary>Settings of the "Subscriptions" section: defaults of a new subscription and limits.</summary>
public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>Local delivery time of a new subscription, HH:MM.</summary>
    public string DefaultTime { get; set; } = "09:00";

    /// <summary>IANA zone of a new subscription.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    public int DefaultSize { get; set; } = SubscriptionRules.DefaultSize;

    /// <summary>Named subscriptions one channel may hold.</summary>
    public int MaxPerChannel { get; set; } = 10;

    /// <summary>Match timeout of include/exclude patterns; a pattern slower than this on a test text is refused.</summary>
    public int PatternTimeoutMilliseconds { get; set; } = 100;
}
