namespace BotHost.Core.Feeds;

/// <summary>Settings of the "Feeds" section.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>Sources list used when a Discord token is configured (or when set explicitly).</summary>
    public string SourcesFile { get; set; } = "config/sources.json";

    /// <summary>Sources list used for the offline run (no token).</summary>
    public string SamplesSourcesFile { get; set; } = "config/samples/sources.json";

    public int DefaultIntervalMinutes { get; set; } = 15;

    /// <summary>Up to this many seconds are added at random to each source's schedule.</summary>
    public int JitterSeconds { get; set; } = 60;

    public int MaxConcurrentFetches { get; set; } = 4;

    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Cap on a response body, counted after decompression.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    public string UserAgent { get; set; } = "BotHost/0.1 (+https://github.com/bothost/bothost)";

    /// <summary>Allow sources on loopback/private/link-local addresses (tests, local mirrors).</summary>
    public bool AllowPrivateAddresses { get; set; }

    public int SummaryMaxLength { get; set; } = 280;

    /// <summary>Items of one feed past this many are skipped with one error: a feed is a recent list, not an archive.</summary>
    public int MaxItemsPerFeed { get; set; } = 1000;

    /// <summary>Items from a source's first successful fetch are stored as backlog, not posted.</summary>
    public bool FirstFetchIsBacklog { get; set; } = true;

    /// <summary>
    /// The first round at start fetches every source even when its stored schedule (backoff, Retry-After)
    /// says it is not due. On for the offline run; off by default so a restart loop cannot hammer a feed.
    /// </summary>
    public bool CollectAllOnStart { get; set; }

    /// <summary>Upper bound of the exponential backoff after failures.</summary>
    public int MaxBackoffMinutes { get; set; } = 360;

    /// <summary>The collector stops waiting for one parse after this long and fails the source.</summary>
    public int ParseTimeoutSeconds { get; set; } = 20;
}
