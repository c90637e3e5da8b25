namespace BotHost.Core.Subscriptions;

/// <summary>
/// What one channel receives under one name: which stories (topics, sources, keywords, patterns), how
/// (mode, local time, weekday, zone, size) and whether it is paused. Empty topic or source lists mean "all".
/// </summary>
public sealed record Subscription
{
    public const string DefaultName = "default";

    public long Id { get; init; }

    public ChannelKey Channel { get; init; }

    public string Name { get; init; } = DefaultName;

    /// <summary>Topic names from the vocabulary; empty means every topic.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Source names; empty means every source.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public IReadOnlyList<string> IncludeKeywords { get; init; } = [];

    public IReadOnlyList<string> ExcludeKeywords { get; init; } = [];

    /// <summary>A regex a story's title or summary must match (compile with <see cref="SubscriptionRules.CreateRegex"/>).</summary>
    public string? IncludePattern { get; init; }

    public string? ExcludePattern { get; init; }

    public SubscriptionMode Mode { get; init; } = SubscriptionMode.Daily;

    /// <summary>Local time of day in <see cref="TimeZone"/> (daily and weekly).</summary>
    public TimeOnly DeliveryTime { get; init; } = new(9, 0);

    /// <summary>The day of a weekly digest; null for other modes.</summary>
    public DayOfWeek? Weekday { get; init; }

    /// <summary>IANA zone id, e.g. "Europe/Berlin" or "UTC".</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Stories per digest, 1..<see cref="SubscriptionRules.MaxSize"/>.</summary>
    public int Size { get; init; } = SubscriptionRules.DefaultSize;

    public IReadOnlyList<string> MutedSources { get; init; } = [];

    public bool Paused { get; init; }

    /// <summary>Why it is paused: "paused by ada" or a delivery failure such as a lost permission.</summary>
    public string? PausedReason { get; init; }

    /// <summary>When set, only members with this role may share stories into this channel.</summary>
    public ulong? ShareRoleId { get; init; }

    /// <summary>The user who created it (null for the offline console).</summary>
    public ulong? CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
