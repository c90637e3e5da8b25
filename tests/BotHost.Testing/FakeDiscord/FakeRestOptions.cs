namespace BotHost.Testing.FakeDiscord;

/// <summary>Knobs of the fake REST API; change them at any time, they are read per request.</summary>
public sealed class FakeRestOptions
{
    public string Token { get; set; } = "fake-bot-token";

    /// <summary>Requests per <see cref="BucketWindow"/> per route bucket and top-level id (e.g. per channel).</summary>
    public int BucketLimit { get; set; } = 5;

    public TimeSpan BucketWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests per <see cref="GlobalWindow"/> over all non-exempt routes.</summary>
    public int GlobalLimit { get; set; } = 50;

    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Reject requests whose User-Agent is not "DiscordBot (url, version)", as Cloudflare does (403, code 40333).</summary>
    public bool RequireUserAgent { get; set; } = true;

    /// <summary>How long an enforced nonce keeps returning the first message.</summary>
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    public ulong ApplicationId { get; set; } = 1_100_000_000_000_000_001;

    public string GatewayUrl { get; set; } = "ws://127.0.0.1";

    public int GatewayShards { get; set; } = 1;
}
