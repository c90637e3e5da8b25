namespace BotHost.Discord.Models;

/// <summary>429 body (D: Rate Limits › Rate Limit Response Structure); <see cref="RetryAfter"/> is in seconds.</summary>
public sealed record RateLimitResponse
{
    public string? Message { get; init; }

    public double RetryAfter { get; init; }

    public bool Global { get; init; }

    public int? Code { get; init; }
}
