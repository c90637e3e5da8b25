namespace BotHost.Core.Subscriptions;

/// <summary>
/// What a member asked for, as typed. Null means "not given": a new subscription takes the default, an existing
/// one keeps its value. List fields take "all"/"none" to clear.
/// </summary>
public sealed record SubscriptionRequest
{
    public string? Name { get; init; }

    public string? Topics { get; init; }

    public string? Sources { get; init; }

    public string? Include { get; init; }

    public string? Exclude { get; init; }

    public string? IncludePattern { get; init; }

    public string? ExcludePattern { get; init; }

    public string? Mode { get; init; }

    public string? Time { get; init; }

    public string? Weekday { get; init; }

    public string? TimeZone { get; init; }

    public long? Size { get; init; }

    /// <summary>Only members with this role may share; 0 lets anyone share again.</summary>
    public ulong? ShareRoleId { get; init; }

    /// <summary>Who asked (kept as the creator of a new subscription).</summary>
    public ulong? RequestedBy { get; init; }
}
