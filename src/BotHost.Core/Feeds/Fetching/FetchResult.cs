namespace BotHost.Core.Feeds.Fetching;

public enum FetchStatus
{
    Ok,
    NotModified,
    Failed,
}

/// <summary>The outcome of one fetch; never thrown, always returned (a hostile feed is expected).</summary>
/// <param name="Body">The (decompressed) body for <see cref="FetchStatus.Ok"/>.</param>
/// <param name="RetryAfter">Delay asked for by a 429/503 Retry-After header.</param>
/// <param name="Error">One line saying what failed and what to fix.</param>
public sealed record FetchResult(
    FetchStatus Status,
    byte[]? Body,
    string? ContentType,
    string? ETag,
    string? LastModified,
    Uri? FinalUri,
    int? HttpStatus,
    TimeSpan? RetryAfter,
    string? Error,
    TimeSpan Elapsed);
