namespace BotHost.Discord.Models;

/// <summary>Identify budget (D: Gateway › Session Start Limit Object); <see cref="ResetAfter"/> is in milliseconds.</summary>
public sealed record SessionStartLimit
{
    public int Total { get; init; }

    public int Remaining { get; init; }

    public long ResetAfter { get; init; }

    public int MaxConcurrency { get; init; }
}
